import { describe, expect, it } from "vitest";
import { viewLink } from "@/app/_components/dashboard/view-link";
import { EMPTY_VIEW } from "@/lib/view/view";

const at = (search: string) => ({ origin: "http://brief.example", pathname: "/", search });

describe("the link Copy link gives", () => {
  it("is the address itself for a view already in the URL", () => {
    const view = { ...EMPTY_VIEW, q: "druze", event: "paris-talks", map: { zoom: 7, lat: 33, lon: 36, bearing: 0, pitch: 0 } };
    expect(viewLink(at("?q=druze&event=paris-talks&map=7/33/36"), view, undefined)).toBe("http://brief.example/?q=druze&event=paris-talks&map=7/33/36");
  });
  it("names the camera on screen, not a stale one in the URL", () => {
    const view = { ...EMPTY_VIEW, map: { zoom: 7, lat: 33, lon: 36, bearing: 0, pitch: 0 } };
    expect(viewLink(at("?map=7/33/36"), view, { zoom: 9, lat: 32.5, lon: 36.75, bearing: 0, pitch: 0 })).toBe("http://brief.example/?map=9/32.5/36.75");
  });
  it("leaves out what the view does not hold (an ignored parameter)", () => {
    expect(viewLink(at("?from=2025-08-20&to=2025-08-01"), { ...EMPTY_VIEW, from: "2025-08-20" }, undefined)).toBe("http://brief.example/?from=2025-08-20");
    expect(viewLink(at(""), EMPTY_VIEW, undefined)).toBe("http://brief.example/");
  });
});
