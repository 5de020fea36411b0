import ConnectModels
import Profiles
import Testing

@Suite("config.toml parsing: good files, and each bad one with its one-line message")
struct ProfileParsingTests {
    let file = "/cfg/ordertop/config.toml"

    @Test("every field of a profile, and default_profile")
    func everyField() throws {
        let store = try ProfileStore.parse("""
            default_profile = "staging"   # optional
            [profiles.staging]
            base_url = "https://connect.example.com"
            client_id = "abc"
            client_secret_file = "~/.config/ordertop/staging.secret"
            theme = "light"
            interval = 5
            slow_interval = 30.5

            [profiles.prod]
            base_url = "https://connect.example.org/"
            client_id = "xyz"
            client_secret_env = "PROD_SECRET"
            """, file: file)
        #expect(store.names == ["prod", "sandbox", "staging"])
        #expect(store.defaultName == "staging")
        let staging = try #require(store.entries["staging"])
        #expect(staging.baseURL == "https://connect.example.com")
        #expect(staging.clientID == "abc")
        #expect(staging.clientSecretFile == "~/.config/ordertop/staging.secret")
        #expect(staging.clientSecretEnv == nil)
        #expect(staging.theme == "light")
        #expect(staging.interval == 5 && staging.slowInterval == 30.5)
        #expect(store.entries["prod"]?.clientSecretEnv == "PROD_SECRET")
        #expect(store.entries["sandbox"] == .sandbox)
    }

    @Test("an empty file knows only the built-in sandbox, which is the default")
    func defaults() throws {
        let store = try ProfileStore.parse("", file: file)
        #expect(store.names == ["sandbox"])
        #expect(store.defaultName == "sandbox")
        let settings = try store.settings(ProfileSelection())
        #expect(settings.baseURL == SandboxDefaults.baseURL && settings.name == "sandbox" && settings.interval == nil)
    }

    @Test("a file may redefine sandbox")
    func redefineSandbox() throws {
        let store = try ProfileStore.parse("[profiles.sandbox]\nbase_url = \"http://127.0.0.1:9999\"\nclient_id = \"c\"\nclient_secret_env = \"S\"\n", file: file)
        #expect(try store.settings(ProfileSelection()).baseURL == "http://127.0.0.1:9999")
        #expect(store.entries["sandbox"]?.isBuiltIn == false)
    }

    @Test("a bad file gets one line naming the file, the line and what to fix", arguments: [
        ("[profiles.staging]\nbase_url = \"https://x.example\"\nclient_secret = \"hunter2\"\n",
         "/cfg/ordertop/config.toml:3: profile staging: client_secret must not be written in the file: put the secret in a file named by client_secret_file (chmod 600), or in an environment variable named by client_secret_env"),
        ("client_secret = \"hunter2\"\n",
         "/cfg/ordertop/config.toml:1: client_secret must not be written in the file: use client_secret_file or client_secret_env in a [profiles.NAME] table"),
        ("[profiles.staging]\nbase_url = \"https://x.example\"\n\ncolour = \"red\"\n",
         "/cfg/ordertop/config.toml:4: profile staging: unknown key `colour`; a profile has base_url, client_id, client_secret_file, client_secret_env, theme, interval, slow_interval"),
        ("title = \"mine\"\n",
         "/cfg/ordertop/config.toml:1: unknown key `title`; the file has default_profile and [profiles.NAME] tables"),
        ("[profiles.staging]\ninterval = \"fast\"\n",
         "/cfg/ordertop/config.toml:2: profile staging: interval must be a number of seconds from 0.05 to 3600, e.g. interval = 5"),
        ("[profiles.staging]\ninterval = 0\n",
         "/cfg/ordertop/config.toml:2: profile staging: interval must be a number of seconds from 0.05 to 3600, e.g. interval = 5"),
        ("[profiles.staging]\ninterval = 10\nslow_interval = 5\n",
         "/cfg/ordertop/config.toml:3: profile staging: slow_interval (5 s) must be at least interval (10 s)"),
        ("[profiles.staging]\nclient_id = 42\n",
         "/cfg/ordertop/config.toml:2: profile staging: client_id must be a non-empty string, e.g. client_id = \"abc\""),
        ("[profiles.staging]\nbase_url = \"ftp://x.example\"\n",
         "/cfg/ordertop/config.toml:2: profile staging: base_url must be an http(s) URL such as https://connect.example.com (got \"ftp://x.example\")"),
        ("[profiles.staging]\nclient_secret_file = \"a\"\nclient_secret_env = \"B\"\n",
         "/cfg/ordertop/config.toml:3: profile staging: set client_secret_file or client_secret_env, not both"),
        ("default_profile = \"prod\"\n[profiles.staging]\nbase_url = \"https://x.example\"\n",
         "/cfg/ordertop/config.toml:1: default_profile \"prod\" names no profile; known: sandbox, staging"),
        ("profiles = 3\n",
         "/cfg/ordertop/config.toml:1: profiles must be tables such as [profiles.staging]"),
        ("[profiles]\nstaging = \"x\"\n",
         "/cfg/ordertop/config.toml:2: profile staging: must be a table, [profiles.staging]"),
    ])
    func badFile(text: String, message: String) {
        #expect(throws: ProfileError(message)) { try ProfileStore.parse(text, file: file) }
    }

    @Test("a TOML syntax error names file:line")
    func syntaxError() throws {
        let error = #expect(throws: ProfileError.self) {
            try ProfileStore.parse("[profiles.staging]\nbase_url = \"https://x.example\"\nclient_id = abc\n", file: file)
        }
        let message = try #require(error).message
        #expect(message.hasPrefix("/cfg/ordertop/config.toml:3: not valid TOML: "), "\(message)")
        #expect(!message.contains("\n"))
    }

    @Test("the config path follows XDG_CONFIG_HOME, else HOME")
    func configPath() {
        #expect(ProfileStore.configPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/ordertop/config.toml")
        #expect(ProfileStore.configPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/ordertop/config.toml")
        #expect(ProfileStore.configPath(environment: ["HOME": "/h"]) == "/h/.config/ordertop/config.toml")
    }
}
