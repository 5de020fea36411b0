
/// One role's look as a theme sets it; a nil colour is taken from the `text` role.
public struct RoleStyle: Hashable, Sendable {
    public var foreground: TerminalColor?
    public var background: TerminalColor?
    public var attributes: Attributes

    public init(foreground: TerminalColor? = nil, background: TerminalColor? = nil, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A resolved theme (inheritance applied, palette names replaced): what each role looks like.
public struct Theme: Hashable, Sendable {
    /// The name people pass to `--theme`.
    public var name: String
    /// Where the theme came from: a file path, or "built-in".
    public var source: String
    /// The roles the theme (or a parent) sets; the others fall back, see `Role.fallback`.
    public var roles: [Role: RoleStyle]

    public init(name: String, source: String = "built-in", roles: [Role: RoleStyle]) {
        self.name = name
        self.source = source
        self.roles = roles
    }

    /// What a role looks like on a terminal of the given colour depth.
    public func style(for role: Role, depth: ColorDepth) -> ThemeStyle {
        let text = roles[.text] ?? RoleStyle()
        let own = resolved(role)
        let foreground = (own.foreground ?? text.foreground ?? .terminalDefault).reduced(to: depth)
        let background = (own.background ?? text.background ?? .terminalDefault).reduced(to: depth)
        var attributes = own.attributes
        if depth == .monochrome {
            // Without colour, roles told apart only by colour would look the same; borrow the
            // monochrome theme's attributes for them. NO_COLOR allows bold, underline and reverse.
            let visible: Attributes = [.bold, .underline, .reverse]
            if attributes.isDisjoint(with: visible) { attributes.formUnion(BuiltInThemes.monochromeHints[role] ?? []) }
            attributes.formIntersection(visible)
        }
        return ThemeStyle(foreground: foreground, background: background, attributes: attributes)
    }

    /// True when this theme or a parent sets the role itself.
    public func sets(_ role: Role) -> Bool { roles[role] != nil }

    private func resolved(_ role: Role) -> RoleStyle {
        if let own = roles[role] { return own }
        guard let parent = role.fallback else { return RoleStyle(attributes: role.implicitAttributes) }
        var style = resolved(parent)
        style.attributes.formUnion(role.implicitAttributes)
        return style
    }
}

extension Role {
    /// The role whose look an unset role borrows; nil for `text`, the root.
    public var fallback: Role? {
        switch self {
        case .text: nil
        case .dim, .title, .border, .header, .statusBar, .warning, .input, .help, .selection: .text
        case .itemFound, .itemReplaced, .itemRefunded, .itemStillShopping: .text
        case .chatMe, .chatShopper, .stateFuture: .text
        case .borderFocused: .border
        case .statusMessage: .statusBar
        case .noticeInfo, .noticeSuccess: .statusMessage
        case .noticeWarning: .warning
        case .noticeError: .error
        case .error, .stateUnknown: .warning
        case .statePast, .mapTrail: .dim
        case .stateCurrent, .mapShopper, .mapDestination: .title
        case .chatUnread: .chatShopper
        }
    }

    /// Attributes an unset role adds to what it borrows, so it still stands out.
    var implicitAttributes: Attributes {
        switch self {
        case .title, .borderFocused, .stateCurrent, .chatUnread, .error: .bold
        case .selection: .reverse
        case .dim: .dim
        default: []
        }
    }
}
