import { ruleSlug } from "../../components/config/ruleNames";

describe("ruleSlug", () => {
  it("keeps letters of any case and digits, one dash between words, none at the ends", () => {
    expect(ruleSlug("forward CSI plugin to the Proxmox API")).toBe(
      "forward-csi-plugin-to-the-proxmox-api",
    );
    expect(ruleSlug("input accept dns udp")).toBe("input-accept-dns-udp");
    expect(ruleSlug("  apps → data (27017)!  ")).toBe("apps-data-27017");
  });
});
