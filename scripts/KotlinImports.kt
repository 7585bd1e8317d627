// Prints each Kotlin file's package and imports as the Kotlin compiler's own parser (its PSI)
// reads them, one JSON object per line: {"path": ..., "package": "a.b" ("" for the root package),
// "imports": [{"line": 3, "name": "a.b.*", "alias": "D" or null}]}. Parse only: nothing is resolved.
// Built and run by scripts/differential-kotlin.py against the compiler jar of Debian's `kotlin`:
//   kotlinc scripts/KotlinImports.kt -cp .../kotlin-compiler.jar -d OUT
//   java -cp OUT:.../kotlin-compiler.jar KotlinImportsKt ROOT < paths
import com.intellij.openapi.util.Disposer
import com.intellij.openapi.util.text.StringUtil
import org.jetbrains.kotlin.cli.common.CLIConfigurationKeys
import org.jetbrains.kotlin.cli.common.messages.MessageCollector
import org.jetbrains.kotlin.cli.jvm.compiler.EnvironmentConfigFiles
import org.jetbrains.kotlin.cli.jvm.compiler.KotlinCoreEnvironment
import org.jetbrains.kotlin.config.CompilerConfiguration
import org.jetbrains.kotlin.psi.KtPsiFactory
import java.io.File

fun quote(s: String): String {
    val b = StringBuilder("\"")
    for (c in s) {
        when {
            c == '"' || c == '\\' -> b.append('\\').append(c)
            c < ' ' -> b.append(String.format("\\u%04x", c.toInt()))
            else -> b.append(c)
        }
    }
    return b.append('"').toString()
}

fun main(args: Array<String>) {
    val root = File(args[0])
    val disposable = Disposer.newDisposable()
    val configuration = CompilerConfiguration()
    configuration.put(CLIConfigurationKeys.MESSAGE_COLLECTOR_KEY, MessageCollector.NONE)
    val environment = KotlinCoreEnvironment.createForProduction(disposable, configuration, EnvironmentConfigFiles.JVM_CONFIG_FILES)
    val factory = KtPsiFactory(environment.project)
    val out = StringBuilder()
    for (path in generateSequence(::readLine)) {
        if (path.length == 0) continue
        val text = StringUtil.convertLineSeparators(File(root, path).readText())
        // Parsed as a .kt file: a script's header reads the same.
        val file = factory.createFile(File(path).name.removeSuffix(".kts") + ".kt", text)
        out.append("{\"path\": ").append(quote(path)).append(", \"package\": ").append(quote(file.packageFqName.asString()))
        out.append(", \"imports\": [")
        var first = true
        for (directive in file.importDirectives) {
            val name = directive.importedFqName?.asString() ?: continue
            if (!first) out.append(", ")
            first = false
            val line = StringUtil.offsetToLineNumber(text, directive.textRange.startOffset) + 1
            out.append("{\"line\": ").append(line).append(", \"name\": ").append(quote(if (directive.isAllUnder) "$name.*" else name))
            out.append(", \"alias\": ").append(directive.aliasName?.let { quote(it) } ?: "null").append("}")
        }
        out.append("]}\n")
    }
    print(out)
    Disposer.dispose(disposable)
}
