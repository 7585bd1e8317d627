/// Node's built-in modules (`require("module").builtinModules` of Node 20, by first part, and the
/// ones that exist only as `node:…`): JavaScript's platform, as Foundation is Swift's. Imports name
/// them without `node:` (`node:fs` is `fs`), so `may only depend on` does not count them unless
/// the rule names one.
extension PlatformModules {
    static let nodeBuiltins: Set<String> = [
        "_http_agent", "_http_client", "_http_common", "_http_incoming", "_http_outgoing", "_http_server", "_stream_duplex",
        "_stream_passthrough", "_stream_readable", "_stream_transform", "_stream_wrap", "_stream_writable", "_tls_common",
        "_tls_wrap", "assert", "async_hooks", "buffer", "child_process", "cluster", "console", "constants", "crypto", "dgram",
        "diagnostics_channel", "dns", "domain", "events", "fs", "http", "http2", "https", "inspector", "module", "net", "os",
        "path", "perf_hooks", "process", "punycode", "querystring", "readline", "repl", "stream", "string_decoder", "sys",
        "timers", "tls", "trace_events", "tty", "url", "util", "v8", "vm", "wasi", "worker_threads", "zlib",
        "node:test", "node:sqlite", "node:sea",
    ]
}
