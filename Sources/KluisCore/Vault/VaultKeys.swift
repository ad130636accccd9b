/// The keys a vault works with, unlocked from its store with the root key: the key ring (the
/// root and the blind-index key) and the receipt signing key.
public struct VaultKeys: Sendable {
    let ring: KeyRing
    let receiptSigner: ReceiptSigner
}
