#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program and collects its output: `posix_spawnp` with pipes, since the binary carries no
/// Foundation (ADR-0005). Only the command line spawns processes (git, for changed-files mode);
/// the core never does (ADR-0004).
enum Subprocess {
    struct Result {
        var status: Int32
        var output: [UInt8]
        var error: [UInt8]
    }

    /// nil when the program cannot be started at all.
    static func run(_ arguments: [String]) -> Result? {
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { return nil }
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

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environment)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            return nil
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
        let output = readAll(outPipe[0])
        if started { pthread_join(thread, nil) } else { errorBox.bytes = readAll(errPipe[0]) }
        close(outPipe[0])
        close(errPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(status: exitCode, output: output, error: errorBox.bytes)
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
