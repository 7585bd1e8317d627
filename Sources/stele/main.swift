import SteleCLI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(SteleCLI.main(Array(CommandLine.arguments.dropFirst())))
