// Compares Stele's Go import reader with Go's own parser (go/parser with parser.ImportsOnly) on
// every .go file of a tree: each import by file, line and path, and each file's //go:build
// expression (go/build/constraint) with the condition Stele gives its imports. Then the packages
// with `go list -e -json` (Go's own tree as `std cmd`, any other as a GOPATH `src`): each package's
// import path against the module Stele gives its files, and each import go list reports for it
// (this platform's files and tests) among the imports Stele gives the package.
//
//	go run scripts/differential-go.go [-stele PATH] TREE...   (default: $(go env GOROOT)/src)
//	go run scripts/differential-go.go -selftest [-stele PATH] (known answers, through both)
//
// Only the standard library is used: no module proxy is needed. Files go/parser rejects are
// counted and left out (Go's own tree has broken ones on purpose, under testdata), and so are
// vendor/ folders, which Stele never lists.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
)

type steleImport struct {
	Module     string   `json:"module"`
	Path       string   `json:"path"`
	Line       int      `json:"line"`
	Kind       *string  `json:"kind"`
	Conditions []string `json:"conditions"`
}

type steleFile struct {
	Path       string        `json:"path"`
	Module     string        `json:"module"`
	Language   string        `json:"language"`
	Imports    []steleImport `json:"imports"`
	Unresolved []steleImport `json:"unresolvedImports"`
}

type goPackage struct {
	Dir, ImportPath                    string
	GoFiles                            []string
	Imports, TestImports, XTestImports []string
}

type packages struct {
	listed, named, misnamed, imports, found, notFound int
}

// goList runs `go list -e -json` over the tree: Go's own `src` as `std cmd`, a module (a go.mod at
// its root) as `./...` with no proxy, another tree as the `src` folder of a GOPATH.
func goList(root string) ([]goPackage, error) {
	goroot, _ := filepath.EvalSymlinks(filepath.Join(runtime.GOROOT(), "src"))
	cmd := exec.Command("go", "list", "-e", "-json", "./...")
	if root == goroot {
		cmd = exec.Command("go", "list", "-e", "-json", "std", "cmd")
	} else if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
		cmd.Env = append(os.Environ(), "GO111MODULE=on", "GOPROXY=off", "GOFLAGS=-mod=mod")
	} else {
		cmd.Env = append(os.Environ(), "GO111MODULE=off", "GOPATH="+filepath.Dir(root))
	}
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil && len(out) == 0 {
		return nil, fmt.Errorf("go list in %s: %v", root, err)
	}
	var list []goPackage
	decoder := json.NewDecoder(strings.NewReader(string(out)))
	for decoder.More() {
		var p goPackage
		if err := decoder.Decode(&p); err != nil {
			return nil, err
		}
		list = append(list, p)
	}
	return list, nil
}

// comparePackages: each listed package's path against Stele's module of its files, and its
// imports (vendored ones by the path they vendor, as Stele names them) among Stele's.
func comparePackages(root string, scanned map[string]steleFile, r *result) error {
	list, err := goList(root)
	if err != nil {
		return err
	}
	for _, p := range list {
		dir, err := filepath.EvalSymlinks(p.Dir)
		if err != nil {
			continue
		}
		rel, err := filepath.Rel(root, dir)
		if err != nil || strings.HasPrefix(rel, "..") || len(p.GoFiles) == 0 || strings.Contains("/"+rel+"/", "/vendor/") {
			continue
		}
		module := ""
		imports := map[string]bool{}
		for _, name := range p.GoFiles {
			if f, ok := scanned[filepath.Join(rel, name)]; ok {
				module = f.Module
			}
		}
		for path, f := range scanned {
			if filepath.Dir(path) == rel {
				for _, i := range f.Imports {
					imports[i.Module] = true
				}
			}
		}
		r.packages.listed++
		if module == p.ImportPath {
			r.packages.named++
		} else {
			r.packages.misnamed++
			r.note("package %s: stele names it %q", p.ImportPath, module)
		}
		for _, list := range [][]string{p.Imports, p.TestImports, p.XTestImports} {
			for _, imported := range list {
				if at := strings.LastIndex(imported, "vendor/"); at >= 0 {
					imported = imported[at+len("vendor/"):]
				}
				r.packages.imports++
				if imports[imported] {
					r.packages.found++
				} else {
					r.packages.notFound++
					r.note("package %s: go list imports %s, stele does not", p.ImportPath, imported)
				}
			}
		}
	}
	return nil
}

type result struct {
	packages                                           packages
	files, rejected, onlyGo, onlyStele                 int
	imports, matches, missing, extra                   int
	constraints, constraintMatches, constraintMismatch int
	examples                                           []string
}

func (r *result) note(format string, args ...any) {
	if len(r.examples) < 25 {
		r.examples = append(r.examples, fmt.Sprintf(format, args...))
	}
}

// goImports is what go/parser sees in one file: "line path" entries, and the //go:build
// expression of its header ("" for none).
func goImports(path string) ([]string, string, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly|parser.ParseComments)
	if err != nil {
		return nil, "", err
	}
	var out []string
	for _, spec := range file.Imports {
		value, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			value = ""
		}
		out = append(out, fmt.Sprintf("%d %s", fset.Position(spec.Pos()).Line, value))
	}
	expr := ""
	for _, group := range file.Comments {
		if group.Pos() >= file.Package {
			break
		}
		for _, c := range group.List {
			if constraint.IsGoBuild(c.Text) && expr == "" {
				if parsed, err := constraint.Parse(c.Text); err == nil {
					expr = parsed.String()
				}
			}
		}
	}
	return out, expr, nil
}

func steleScan(stele, tree string) (map[string]steleFile, error) {
	cmd := exec.Command(stele, "scan", "--format", "json", tree)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil && len(out) == 0 {
		return nil, fmt.Errorf("stele scan %s: %v", tree, err)
	}
	var scan struct {
		Files []steleFile `json:"files"`
	}
	if err := json.Unmarshal(out, &scan); err != nil {
		return nil, err
	}
	files := map[string]steleFile{}
	for _, f := range scan.Files {
		if f.Language == "go" {
			files[f.Path] = f
		}
	}
	return files, nil
}

func normalise(expr string) string {
	if parsed, err := constraint.Parse("//go:build " + expr); err == nil {
		return parsed.String()
	}
	return expr
}

func compare(stele, tree string) (*result, error) {
	root, err := filepath.EvalSymlinks(tree)
	if err != nil {
		return nil, err
	}
	scanned, err := steleScan(stele, root)
	if err != nil {
		return nil, err
	}
	r := &result{}
	seen := map[string]bool{}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == "vendor" {
			return filepath.SkipDir // Stele does not list vendored code
		}
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		got, ok := scanned[rel]
		if !ok {
			r.onlyGo++
			r.note("not scanned by stele: %s", rel)
			return nil
		}
		seen[rel] = true
		want, expr, err := goImports(path)
		if err != nil {
			r.rejected++
			return nil
		}
		r.files++
		var have []string
		conditions := map[string]bool{}
		for _, i := range append(append([]steleImport{}, got.Imports...), got.Unresolved...) {
			value := i.Path
			if i.Kind != nil && *i.Kind == "ambiguous" {
				value = ""
			}
			have = append(have, fmt.Sprintf("%d %s", i.Line, value))
			if n := len(i.Conditions); n > 0 {
				conditions[normalise(i.Conditions[n-1])] = true
			}
		}
		sort.Strings(want)
		sort.Strings(have)
		r.imports += len(want)
		matches, missing, extra := match(want, have)
		r.matches += matches
		r.missing += len(missing)
		r.extra += len(extra)
		for _, m := range missing {
			r.note("missing in stele: %s:%s", rel, m)
		}
		for _, e := range extra {
			r.note("extra in stele: %s:%s", rel, e)
		}
		if expr != "" && len(want) > 0 {
			r.constraints++
			if conditions[expr] {
				r.constraintMatches++
			} else {
				r.constraintMismatch++
				r.note("constraint: %s: go %q, stele %v", rel, expr, conditions)
			}
		}
		return nil
	})
	for rel := range scanned {
		if !seen[rel] {
			r.onlyStele++
		}
	}
	if err != nil {
		return r, err
	}
	return r, comparePackages(root, scanned, r)
}

// match pairs go/parser's entries with Stele's, each used once: how many match, and the rest of each.
func match(want, have []string) (int, []string, []string) {
	counts := map[string]int{}
	for _, w := range want {
		counts[w]++
	}
	matches := 0
	var extra, missing []string
	for _, h := range have {
		if counts[h] > 0 {
			counts[h]--
			matches++
		} else {
			extra = append(extra, h)
		}
	}
	for _, w := range want {
		if counts[w] > 0 {
			counts[w]--
			missing = append(missing, w)
		}
	}
	return matches, missing, extra
}

func report(tree string, r *result) {
	fmt.Printf("%s: %d files compared (%d rejected by go/parser, left out; %d not scanned by stele; %d only stele lists)\n",
		tree, r.files, r.rejected, r.onlyGo, r.onlyStele)
	fmt.Printf("  imports: %d by go/parser, %d match, %d missing, %d extra\n", r.imports, r.matches, r.missing, r.extra)
	fmt.Printf("  //go:build constraints of files with imports: %d, %d match, %d differ\n", r.constraints, r.constraintMatches, r.constraintMismatch)
	p := r.packages
	fmt.Printf("  go list: %d packages, %d named alike, %d not; their %d imports (this platform's files and tests): %d among stele's, %d not\n",
		p.listed, p.named, p.misnamed, p.imports, p.found, p.notFound)
	for _, e := range r.examples {
		fmt.Println("   ", e)
	}
}

// selftest: the comparison on known answers (a wrong line, a repeat, a path left out must each
// be told), then a small tree with every form the reader must know, through both: it must match,
// and go list must name its packages as Stele does.
func selftest(stele string) error {
	matches, missing, extra := match([]string{"1 a", "2 b", "3 c", "3 c"}, []string{"1 a", "9 b", "3 c"})
	if matches != 2 || strings.Join(missing, ",") != "2 b,3 c" || strings.Join(extra, ",") != "9 b" {
		return fmt.Errorf("selftest: match gives %d, missing %v, extra %v", matches, missing, extra)
	}
	dir, err := os.MkdirTemp("", "stele-go-selftest")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	files := map[string]string{
		"go.mod":      "module example.com/self\n",
		"a/a.go":      "//go:build linux && (amd64 || arm64)\n// +build linux\n\n// Package a.\npackage a\n\nimport (\n\t\"fmt\" // c\n\tx \"example.com/self/b\"\n\t_ \"embed\"\n\t. `strings`\n\t\"fm\\x74\"\n)\nimport \"os\"\n\nvar s = `\nimport \"nope\"\n`\n",
		"b/b_test.go": "/* import \"nope\" */ package b; import \"testing\"; func F() { _ = '\"' }\n",
		"b/b.go":      "package b\n\nimport \"example.com/self/a\"\n\nfunc init() { import_ := \"x\"; _ = import_ }\n\nimport \"after/code\"\n",
		"c/c.go":      "package c\n\nimport \"unterminated\n",
	}
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return err
		}
	}
	r, err := compare(stele, dir)
	if err != nil {
		return err
	}
	// b.go's import after code is never read (ImportsOnly stops before it); go/parser rejects c.go.
	if r.files != 3 || r.rejected != 1 || r.imports != 8 || r.matches != 8 || r.missing != 0 || r.extra != 0 || r.constraintMatches != 1 ||
		r.packages.named < 2 || r.packages.misnamed != 0 || r.packages.notFound != 0 {
		report(dir, r)
		return fmt.Errorf("selftest: expected 3 files (and 1 rejected), 8 imports all matching, 1 constraint matching")
	}
	fmt.Printf("selftest: ok (3 files, 8 imports and 1 //go:build constraint match go/parser; 1 file go/parser rejects; go list's %d packages named alike, their %d imports found)\n",
		r.packages.named, r.packages.found)
	return nil
}

func main() {
	stele := flag.String("stele", ".build/debug/stele", "the stele binary")
	self := flag.Bool("selftest", false, "compare a small tree of known answers")
	flag.Parse()
	binary, err := filepath.Abs(*stele)
	if err != nil {
		panic(err)
	}
	if *self {
		if err := selftest(binary); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	trees := flag.Args()
	if len(trees) == 0 {
		trees = []string{filepath.Join(runtime.GOROOT(), "src")}
	}
	failed := false
	for _, tree := range trees {
		r, err := compare(binary, tree)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		report(tree, r)
		failed = failed || r.missing > 0 || r.extra > 0 || r.constraintMismatch > 0 || r.packages.misnamed > 0 || r.packages.notFound > 0
	}
	if failed {
		os.Exit(1)
	}
}
