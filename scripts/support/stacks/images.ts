/**
 * The pinned guest base images of the real stack files, for fixtures that build a stack of their
 * own. Digests: the sha512 of the Proxmox appliance index (aplinfo) for the template and of
 * Debian's SHA512SUMS for the dated cloud image build.
 */
export const PINNED_LXC_TEMPLATE = {
  url: "https://download.proxmox.com/images/system/debian-12-standard_12.7-1_amd64.tar.zst",
  fileName: "debian-12-standard_12.7-1_amd64.tar.zst",
  checksumAlgorithm: "sha512",
  checksum:
    "39f6d06e082d6a418438483da4f76092ebd0370a91bad30b82ab6d0f442234d63fe27a15569895e34d6d1e5ca50319f62637f7fb96b98dbde4f6103cf05bff6d",
} as const;

export const PINNED_CLOUD_IMAGE = {
  url: "https://cloud.debian.org/images/cloud/bookworm/20250210-2019/debian-12-genericcloud-amd64-20250210-2019.qcow2",
  fileName: "debian-12-genericcloud-amd64-20250210-2019.qcow2",
  checksumAlgorithm: "sha512",
  checksum:
    "a58d86525d75fd8e139a2302531ce5d2ab75ef0273cfe78f9d53aada4b23efd45f8433b4806fa4570cfe981c8fae26f5e5e855cbd66ba2198862f28125fd2d45",
} as const;
