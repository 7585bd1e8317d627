import Foundation
import SteleJudgeClient

// `stele-judge`: the LLM judge's HTTP helper, run by `stele check --judge` (adr/0007).
exit(JudgeClient.main(Array(CommandLine.arguments.dropFirst())))
