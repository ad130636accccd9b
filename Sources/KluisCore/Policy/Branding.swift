import Foundation

/// How the organisation's pages look: its logo, an accent colour for links, and a link back to
/// its own site. Pages without it use Kluis's own quiet style.
public struct Branding: Sendable, Hashable {
    /// The logo's address, `https://` only, shown at the top of every page with the controller's
    /// name as its text alternative.
    public var logo: String?
    /// The colour of links and accents, `#rrggbb`, dark enough to read on white (WCAG 2.2 AA:
    /// a contrast of at least 4.5 to 1).
    public var accent: String?
    /// A link back to the organisation's site, at the top of every page.
    public var linkBack: LinkBack?

    public struct LinkBack: Sendable, Hashable {
        /// `https://` only.
        public var url: String
        public var text: LocalizedText

        public init(url: String, text: LocalizedText) {
            self.url = url
            self.text = text
        }
    }

    public init(logo: String? = nil, accent: String? = nil, linkBack: LinkBack? = nil) {
        self.logo = logo
        self.accent = accent
        self.linkBack = linkBack
    }

    /// The contrast of `#rrggbb` against white, by WCAG 2.2's relative luminance; `nil` for text
    /// that is no such colour.
    public static func contrastOnWhite(_ colour: String) -> Double? {
        let digits = colour.dropFirst()
        guard colour.hasPrefix("#"), digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        func linear(_ channel: UInt32) -> Double {
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * linear(value >> 16 & 0xFF) + 0.7152 * linear(value >> 8 & 0xFF) + 0.0722 * linear(value & 0xFF)
        return 1.05 / (luminance + 0.05)
    }
}
