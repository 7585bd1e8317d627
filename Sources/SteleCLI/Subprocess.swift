#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Runs a program and collects its output: `posix_spawnp` with pipes, since the binary carries no
/// Foundation (ADR-0005). Only the command line spawns processes (git, for changed-files mode);
/// the core never does (ADR-0004).
enum Subprocess {
    struct Result {
        var status: Int32
        var output: [UInt8]
        var error: [UInt8]
        /// Killed at the deadline.
        var timedOut = false
    }

    /// nil when the program cannot be started at all. `input` is written to its standard input
    /// (closed at the end; with no input, the child's standard input is the parent's). Past
    /// `deadline` seconds the child is killed and what it wrote so far is returned, with
    /// `timedOut` set: a helper that hangs cannot hang Stele.
    static func run(_ arguments: [String], input: [UInt8]? = nil, deadline: Double? = nil) -> Result? {
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        var inPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { return nil }
        if input != nil { guard pipe(&inPipe) == 0 else { return nil } }
        // Linux declares the actions as a struct, Darwin as an opaque pointer.
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        let environment = _NSGetEnviron().pointee
        #else
        var actions = posix_spawn_file_actions_t()
        let environment = environ
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        posix_spawn_file_actions_addclose(&actions, outPipe[0])
        posix_spawn_file_actions_addclose(&actions, errPipe[0])
        if input != nil {
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
            posix_spawn_file_actions_addclose(&actions, inPipe[1])
        }

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // With a deadline the child leads a process group of its own, so that killing the group also
        // ends what it started (a script's `sleep`), which would otherwise hold the pipes open.
        #if canImport(Darwin)
        var attributes: posix_spawnattr_t? = nil
        #else
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if deadline != nil {
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environment)
        close(outPipe[1])
        close(errPipe[1])
        if input != nil { close(inPipe[0]) }
        guard spawned == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            if input != nil { close(inPipe[1]) }
            return nil
        }
        if let input {
            // A child that exits before reading all of it must not kill Stele with SIGPIPE.
            let previous = signal(SIGPIPE, SIG_IGN)
            _ = writeAll(inPipe[1], input)
            close(inPipe[1])
            signal(SIGPIPE, previous)
        }
        // Drain stderr on another thread so that neither pipe can fill up and block the child.
        let errorBox = ErrorBox()
        var thread = pthread_t()
        let context = Unmanaged.passRetained(ReaderContext(fd: errPipe[0], box: errorBox)).toOpaque()
        let started = pthread_create(&thread, nil, { raw in
            let context = Unmanaged<ReaderContext>.fromOpaque(raw!).takeRetainedValue()
            context.box.bytes = Subprocess.readAll(context.fd)
            return nil
        }, context) == 0
        var timedOut = false
        let output: [UInt8]
        if let deadline {
            (output, timedOut) = readAll(outPipe[0], until: DispatchTime.now().uptimeNanoseconds + UInt64(deadline * 1e9))
            if timedOut { kill(-pid, SIGKILL) }
        } else {
            output = readAll(outPipe[0])
        }
        if started { pthread_join(thread, nil) } else { errorBox.bytes = readAll(errPipe[0]) }
        close(outPipe[0])
        close(errPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(status: exitCode, output: output, error: errorBox.bytes, timedOut: timedOut)
    }

    /// Writes every byte, or stops at the first error (the reader is gone).
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    /// Reads until end of file or until `deadline` (uptime nanoseconds); whether the deadline came first.
    static func readAll(_ fd: Int32, until deadline: UInt64) -> ([UInt8], Bool) {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline { return (bytes, true) }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(1000, (deadline - now) / 1_000_000 + 1)))
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 { return (bytes, false) }
            if ready == 0 { continue }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return (bytes, false) }
            bytes += buffer[0..<n]
        }
    }

    static func readAll(_ fd: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return bytes
    }

    private final class ErrorBox: @unchecked Sendable { var bytes: [UInt8] = [] }

    private final class ReaderContext {
        let fd: Int32
        let box: ErrorBox
        init(fd: Int32, box: ErrorBox) { self.fd = fd; self.box = box }
    }
}
