/// Themes compiled into the binary, so ordertop works without a `themes/` folder.
/// The texts are identical to `themes/default.toml` and `themes/monochrome.toml` (a test checks).
public enum BuiltInThemes {
    /// The names of the compiled-in themes.
    public static let names = ["default", "monochrome"]

    /// The TOML text of each compiled-in theme.
    public static let sources: [String: String] = ["default": defaultTOML, "monochrome": monochromeTOML]

    /// The default theme, used when no theme is asked for or the asked one is broken.
    public static let defaultTheme: Theme = builtIn("default")

    /// The monochrome theme's attributes per role, borrowed by any theme when there is no colour.
    static let monochromeHints: [Role: Attributes] = builtIn("monochrome").roles.mapValues(\.attributes)

    private static func builtIn(_ name: String) -> Theme {
        // The texts are fixed and tested; an empty theme (plain text everywhere) is the last resort.
        (try? ThemeLoader(searchPaths: []).parse(sources[name] ?? "", file: "built-in:\(name)"))
            ?? Theme(name: name, roles: [:])
    }

    static let defaultTOML = #"""
# ordertop default theme: for dark terminals. It keeps the terminal's own background.
# A role is a colour, or a table { fg, bg, bold, underline, reverse, dim }.
# Colours: "#rrggbb", 0-255, a name (red, bright-blue, gray, default) or a [palette] name.
# Other themes inherit this one and change only what they list.
name = "default"

[palette]
fg = "#d8dee9"
muted = "#7b8496"
faint = "#4c566a"
bar = "#2e3440"
accent = "#88c0d0"
blue = "#81a1c1"
green = "#a3be8c"
yellow = "#ebcb8b"
orange = "#d08770"
red = "#bf616a"
purple = "#b48ead"

[roles]
text = { fg = "fg" }
dim = { fg = "muted" }
title = { fg = "accent", bold = true }
border = { fg = "faint" }
borderFocused = { fg = "accent", bold = true }
header = { fg = "fg", bg = "bar", bold = true }
statusBar = { fg = "fg", bg = "bar" }
statusMessage = { fg = "yellow", bg = "bar", bold = true }
warning = { fg = "yellow", bold = true }
error = { fg = "red", bold = true }
noticeInfo = { fg = "accent", bg = "bar" }
noticeSuccess = { fg = "green", bg = "bar" }
noticeWarning = { fg = "yellow", bg = "bar" }
noticeError = { fg = "red", bg = "bar" }
itemFound = "green"
itemReplaced = "yellow"
itemRefunded = "red"
itemStillShopping = "blue"
statePast = { fg = "muted" }
stateCurrent = { fg = "accent", bold = true, underline = true }
stateFuture = { fg = "faint" }
stateUnknown = { fg = "orange", bold = true }
chatMe = "blue"
chatShopper = "green"
chatUnread = { fg = "green", bold = true }
input = { fg = "fg", bg = "bar" }
selection = { reverse = true }
mapTrail = "muted"
mapShopper = { fg = "orange", bold = true }
mapDestination = { fg = "accent", bold = true }
help = { fg = "fg", bg = "bar" }

"""#

    static let monochromeTOML = #"""
# ordertop monochrome theme: no colours at all, only bold, underline and reverse.
# With NO_COLOR, any theme borrows these attributes for the roles it marks by colour alone.
name = "monochrome"

[roles]
text = "default"
dim = "default"
title = { bold = true }
border = "default"
borderFocused = { bold = true }
header = { reverse = true }
statusBar = { reverse = true }
statusMessage = { reverse = true, bold = true }
warning = { bold = true }
error = { bold = true, underline = true }
noticeInfo = { reverse = true, bold = true }
noticeSuccess = { bold = true }
noticeWarning = { reverse = true, bold = true, underline = true }
noticeError = { bold = true, underline = true }
itemFound = "default"
itemReplaced = { underline = true }
itemRefunded = { bold = true }
itemStillShopping = "default"
statePast = "default"
stateCurrent = { bold = true, reverse = true }
stateFuture = "default"
stateUnknown = { underline = true }
chatMe = "default"
chatShopper = { bold = true }
chatUnread = { bold = true, underline = true }
input = { underline = true }
selection = { reverse = true }
mapTrail = "default"
mapShopper = { bold = true, reverse = true }
mapDestination = { bold = true, underline = true }
help = "default"

"""#
}
