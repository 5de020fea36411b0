import Foundation

/// The ssh-style check that a file holding credentials is private to its owner.
public enum FilePermissions {
    /// A warning when the mode lets group or others in (any of `0o077`), naming the file and the fix.
    public static func warning(path: String, mode: Int) -> String? {
        guard mode & 0o077 != 0 else { return nil }
        return "\(path) is open to other users (mode \(String(format: "%04o", mode & 0o7777))): run chmod 600 \(path)"
    }

    /// The same for a file on disk; nil when its mode cannot be read.
    public static func warning(path: String, fileManager: FileManager) -> String? {
        guard let attributes = try? fileManager.attributesOfItem(atPath: path),
              let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue else { return nil }
        return warning(path: path, mode: mode)
    }

    /// What to print when a secret was passed on the command line, where other users see it in the process list.
    public static func secretInArgumentsWarning(option: String) -> String {
        "\(option) is visible to other users in the process list; put the secret in a file named by client_secret_file (chmod 600), an environment variable named by client_secret_env, or ORDERTOP_CLIENT_SECRET"
    }
}
