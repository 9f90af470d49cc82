package web

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// keyArg names, per function that takes a message key, the index of that
// argument: the calls whose keys must be in a catalogue.
var keyArg = map[string]int{
	"invalid":    0, // web: a malformed request
	"invalidErr": 1,
	"errorf":     1,
	"M":          0, // locale.M
	"refuse":     1, // store: a refused change
	"ui":         1, // a page string
}

// fmtVerb is a printf verb, for comparing the two languages' formats.
var fmtVerb = regexp.MustCompile(`%(?:\[\d+\])?[-+#0]*\d*(?:\.\d+)?[vdsqfgxXeEtTbcoU]`)

// TestMessageKeysTranslated reads the web and store packages' sources and
// fails on any message key that is not in the catalogue, or whose Chinese
// or English text is missing, in the wrong language, or takes other
// arguments than its translation; and on a Go error's text passed to a
// reader's message (err.Error() as an argument).
func TestMessageKeysTranslated(t *testing.T) {
	var files []string
	for _, dir := range []string{".", "../store"} {
		fs, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			if !strings.HasSuffix(f, "_test.go") {
				files = append(files, f)
			}
		}
	}
	fset := token.NewFileSet()
	keys := 0
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			name := ""
			switch fn := call.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				if x, ok := fn.X.(*ast.Ident); ok && x.Name == "locale" && fn.Sel.Name == "M" {
					name = "M"
				}
			}
			i, ok := keyArg[name]
			if !ok || len(call.Args) <= i {
				return true
			}
			at := fset.Position(call.Pos()).String()
			for _, a := range call.Args[i+1:] {
				if c, ok := a.(*ast.CallExpr); ok {
					if s, ok := c.Fun.(*ast.SelectorExpr); ok && s.Sel.Name == "Error" {
						t.Errorf("%s: a Go error's text as an argument of %s: it reaches the reader untranslated", at, name)
					}
				}
			}
			lit, ok := call.Args[i].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true // a key chosen at run time: the page test sees it
			}
			key, _ := strconv.Unquote(lit.Value)
			keys++
			var v [2]string
			if name == "ui" {
				uiMu.RLock()
				v, ok = uiStrings[key]
				uiMu.RUnlock()
			} else {
				v, ok = locale.Lookup(key)
			}
			switch {
			case !ok:
				t.Errorf("%s: message key %q is not in the catalogue", at, key)
			case !hasHan(v[0]) && hasLetter(fmtVerb.ReplaceAllString(v[0], "")):
				t.Errorf("%s: %q has no Chinese text: %q", at, key, v[0])
			case v[1] == "" && name != "ui":
				t.Errorf("%s: %q has no English text", at, key)
			case hasHan(v[1]):
				t.Errorf("%s: the English text of %q has Chinese in it: %q", at, key, v[1])
			case v[1] != "" && len(fmtVerb.FindAllString(v[0], -1)) != len(fmtVerb.FindAllString(v[1], -1)):
				t.Errorf("%s: %q takes other arguments in Chinese (%q) than in English (%q)", at, key, v[0], v[1])
			}
			return true
		})
	}
	if keys < 200 {
		t.Fatalf("only %d message keys found: the reading of the sources broke", keys)
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }
