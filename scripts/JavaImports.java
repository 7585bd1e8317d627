// Prints each Java file's package and imports as javac's own parser reads them, one JSON object
// per line: {"path": ..., "package": "a.b" or null, "imports": [{"line": 3, "static": false,
// "name": "java.util.*"}]}. Parse only (JavacTask.parse()): no symbol is resolved, no class path
// is needed. Run by scripts/differential-java.py, with the single-file launcher:
//   java scripts/JavaImports.java ROOT FILE...   (paths relative to ROOT; FILE - reads them from stdin)
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

public class JavaImports {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        List<String> paths = new ArrayList<>();
        if (args.length == 2 && args[1].equals("-")) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) if (!line.isEmpty()) paths.add(line);
        } else {
            for (int i = 1; i < args.length; i++) paths.add(args[i]);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        // In batches: one task holds every tree it parsed.
        for (int from = 0; from < paths.size(); from += 500) {
            List<String> batch = paths.subList(from, Math.min(paths.size(), from + 500));
            List<Path> full = new ArrayList<>();
            for (String p : batch) full.add(root.resolve(p));
            Iterable<? extends JavaFileObject> objects = files.getJavaFileObjectsFromPaths(full);
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            JavacTask task = (JavacTask) compiler.getTask(null, files, diagnostics, List.of("-proc:none"), null, objects);
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            int k = 0;
            for (CompilationUnitTree unit : task.parse()) {
                String path = root.relativize(Path.of(unit.getSourceFile().toUri())).toString();
                out.append("{\"path\": ").append(quote(path)).append(", \"package\": ");
                out.append(unit.getPackageName() == null ? "null" : quote(unit.getPackageName().toString()));
                out.append(", \"imports\": [");
                boolean first = true;
                for (ImportTree one : unit.getImports()) {
                    long line = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, one));
                    if (!first) out.append(", ");
                    first = false;
                    out.append("{\"line\": ").append(line).append(", \"static\": ").append(one.isStatic())
                       .append(", \"name\": ").append(quote(one.getQualifiedIdentifier().toString())).append("}");
                }
                out.append("]}\n");
            }
        }
        System.out.print(out);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }
}
