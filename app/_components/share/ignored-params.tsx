import type { IgnoredParam } from "@/lib/view/read-view";

/** The parts of a link that could not be applied, each with its value and why: data shown as text. */
export function IgnoredParams({ ignored }: { ignored: IgnoredParam[] }) {
  return (
    <p>
      Part of this link was ignored:{" "}
      {ignored.map((i, n) => (
        <span key={`${i.param}-${n}`}>
          {n > 0 && "; "}
          <code>{i.param}</code> “{i.value}”: {i.reason}
        </span>
      ))}
      . The rest of the view applies.
    </p>
  );
}
