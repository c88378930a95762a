import type { ClaimRecord } from '../contracts/record.ts';
import type { ClaimDraft } from '../assemble/claims.ts';
import type { ArticleFacts } from '../assemble/facts.ts';
import { assignRoles } from '../assemble/roles.ts';
import type { Lexicon } from '../lexicon/index.ts';
import { actorName } from './actors.ts';

/** An English gloss of what a claim is about, from the triggers, actors and places in its span. */
function aboutOf(claim: ClaimDraft, article: ArticleFacts, country: string | null, lexicon: Lexicon): string | null {
  if (claim.about.length === 0) return null;
  const facts = article.sentences[claim.sentence];
  const from = claim.about[0].first;
  const kind = claim.about[0].item.entry.subEventType.toLowerCase();
  const roles = assignRoles(facts, claim.about, article.text.tokens, lexicon).filter((r) => r.entry !== claim.speakerActor);
  const names = (role: string) => [...new Set(roles.filter((r) => r.role === role).map((r) => actorName(r.entry, country, lexicon.data.genericByCountry)))];
  const places = [...new Set(facts.places.filter((p) => p.first >= from).map((p) => p.item.entry.name))];
  let text = kind;
  if (names('agent').length) text += ` by ${names('agent').join(', ')}`;
  if (names('target').length) text += ` on ${names('target').join(', ')}`;
  if (places.length) text += ` in ${places.join(', ')}`;
  if (claim.since) text += ` since ${claim.since}`;
  return text;
}

export function buildClaim(claim: ClaimDraft, article: ArticleFacts, country: string | null, lexicon: Lexicon): ClaimRecord {
  return {
    kind: claim.kind,
    speaker: claim.speaker,
    about: aboutOf(claim, article, country, lexicon),
    value: claim.value,
    since: claim.since,
    date: claim.date,
    evidence: [claim.evidence],
    provenance: { claim: claim.ids },
  };
}
