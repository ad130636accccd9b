import Crypto
import Foundation

/// The signature of a webhook delivery, as the well-known payment providers sign theirs: an
/// HMAC-SHA256, under the endpoint's secret, of the time of sending and the body, sent as
/// `Kluis-Signature: t=1733330400,v1=5257a869…`. A receiver recomputes it over `"\(t).\(body)"`,
/// compares in constant time, and refuses a `t` more than a few minutes old, so that a delivery
/// caught on the way cannot be replayed later.
public enum WebhookSignature {
    public static let headerName = "Kluis-Signature"

    public static func header(for body: Data, secret: SymmetricKey, at time: Date) -> String {
        let timestamp = Int(time.timeIntervalSince1970)
        var signed = Data("\(timestamp).".utf8)
        signed.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: signed, using: secret)
        return "t=\(timestamp),v1=\(Data(mac).hexString)"
    }
}
