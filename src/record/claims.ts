import type { ClaimRecord } from '../contracts/record.ts';
import type { ClaimDraft } from '../assemble/claims.ts';
import type { ArticleFacts } from '../assemble/facts.ts';
import { actorName } from './actors.ts';

/** An English gloss of what a claim is about, from the triggers, actors and places in its span. */
function aboutOf(claim: ClaimDraft, article: ArticleFacts, country: string | null): string | null {
  if (claim.about.length === 0) return null;
  const facts = article.sentences[claim.sentence];
  const from = claim.about[0].first;
  const kind = claim.about[0].item.entry.subEventType.toLowerCase();
  const actors = [...new Set(facts.actors.filter((a) => a.first >= from && a.item.entry !== claim.speakerActor).map((a) => actorName(a.item.entry, country)))];
  const places = [...new Set(facts.places.filter((p) => p.first >= from).map((p) => p.item.entry.name))];
  const byActors = facts.actors.filter((a) => a.first < from && a.first > facts.sentence.firstToken && a.item.entry !== claim.speakerActor);
  let text = kind;
  if (claim.kind === 'statistic' && byActors.length) text += ` by ${actorName(byActors[0].item.entry, country)}`;
  if (actors.length) text += ` on ${actors.join(', ')}`;
  if (places.length) text += ` in ${places.join(', ')}`;
  if (claim.since) text += ` since ${claim.since}`;
  return text;
}

export function buildClaim(claim: ClaimDraft, article: ArticleFacts, country: string | null): ClaimRecord {
  return {
    kind: claim.kind,
    speaker: claim.speaker,
    about: aboutOf(claim, article, country),
    value: claim.value,
    since: claim.since,
    date: claim.date,
    evidence: [claim.evidence],
    provenance: { claim: claim.ids },
  };
}
