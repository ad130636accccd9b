import KluisCLI
import Foundation

let code = await KluisCommand.run(arguments: Array(CommandLine.arguments.dropFirst()), context: .standard)
exit(code)
