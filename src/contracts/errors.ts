/** Bad input from the user: printed as one line naming the input and the problem, never a stack trace. */
export class InputError extends Error {}
