package web

import (
	"net/http"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
)

// englishNames turns the Chinese names of the stored methods' types,
// awards, domains (aggregate nodes) and measures (indicators) into the
// English names the methods give them, in the whole HTML of an English
// page: text, attributes, embedded JSON. The names reach the pages from
// results, catalogues and charts by many roads; translating them on the
// way out is the one place that cannot miss a road, new pages included.
// The page language test checks that no such name is left.
type englishNames struct {
	mu   sync.Mutex
	gen  int64
	ok   bool
	repl *strings.Replacer
	back map[string]string // English name → Chinese, for filters sent back
}

// namePairs are the Chinese and English names of m that differ, with the
// per-type award as pages write it ("先进县(农业优先型)").
func namePairs(m *method.Method) [][2]string {
	var out [][2]string
	add := func(zh, en string) {
		if zh != "" && en != "" && zh != en {
			out = append(out, [2]string{zh, en})
		}
	}
	for _, x := range m.Types {
		add(x.Name, x.NameEn)
	}
	for _, a := range m.Awards {
		add(a.Name, a.NameEn)
		if a.NameEn == "" {
			continue
		}
		for _, x := range m.Types {
			if x.NameEn != "" {
				add(a.Name+"("+x.Name+")", a.NameEn+" ("+x.NameEn+")")
				add(a.Name+"（"+x.Name+"）", a.NameEn+" ("+x.NameEn+")")
			}
		}
	}
	for _, x := range m.Nodes {
		add(x.Name, x.NameEn)
	}
	for _, x := range m.Indicators {
		add(x.Name, x.NameEn)
	}
	return out
}

// englishNames returns the replacer of the database's methods at the request's
// change generation (nil when there is nothing to translate or the
// methods cannot be read: the page then goes out as rendered, and the
// error is logged).
func (s *Server) englishNames(r *http.Request) (*strings.Replacer, map[string]string) {
	gen, err := s.generation(r)
	n := &s.caches.english
	n.mu.Lock()
	defer n.mu.Unlock()
	if err == nil && n.ok && n.gen == gen {
		return n.repl, n.back
	}
	ms, err := s.db.Methods(r.Context())
	if err != nil {
		s.log.ErrorContext(r.Context(), "reading the methods' English names", "err", err)
		return nil, nil
	}
	seen := map[string]bool{}
	var pairs [][2]string
	for _, sm := range ms {
		m, err := method.Parse(sm.Name+".toml", []byte(sm.TOML))
		if err != nil {
			continue // a stored method always parses; an old one that does not has no pages
		}
		for _, p := range namePairs(m) {
			if !seen[p[0]] {
				seen[p[0]] = true
				pairs = append(pairs, p)
			}
		}
	}
	// Longest first: a Replacer tries its pairs in order at each place, so
	// 人均地区生产总值 goes before 地区生产总值.
	slices.SortStableFunc(pairs, func(a, b [2]string) int { return len(b[0]) - len(a[0]) })
	args := make([]string, 0, 2*len(pairs))
	back := make(map[string]string, len(pairs))
	for _, p := range pairs {
		args = append(args, p[0], p[1])
		back[p[1]] = p[0]
	}
	n.gen, n.ok, n.back = gen, true, back
	n.repl = nil
	if len(args) > 0 {
		n.repl = strings.NewReplacer(args...)
	}
	return n.repl, n.back
}

// inPageLanguage is the rendered page b as the reader of r gets it: on an
// English page, the methods' names in English.
func (s *Server) inPageLanguage(r *http.Request, lang locale.Lang, b []byte) []byte {
	if lang != locale.EN {
		return b
	}
	repl, _ := s.englishNames(r)
	if repl == nil {
		return b
	}
	return []byte(repl.Replace(string(b)))
}

// chineseName is the Chinese name of a method name a form sent back from
// an English page (a type chosen in a filter), else v itself.
func (s *Server) chineseName(r *http.Request, v string) string {
	if v == "" || pageLang(r) != locale.EN {
		return v
	}
	if _, back := s.englishNames(r); back[v] != "" {
		return back[v]
	}
	return v
}

// ChineseUIPhrases are the Chinese texts of the pages' catalogue that an
// English page must not show: whole phrases of five characters or more,
// without arguments, that have an English text of their own (shorter ones
// also occur in data, such as rule names and notes). For the browser test
// of another package (internal/e2e).
func ChineseUIPhrases() []string {
	uiMu.RLock()
	defer uiMu.RUnlock()
	var out []string
	for _, v := range uiStrings {
		if v[1] != "" && v[0] != v[1] && !strings.Contains(v[0], "%") && utf8.RuneCountInString(v[0]) >= 5 {
			out = append(out, v[0])
		}
	}
	slices.Sort(out)
	return out
}

// names joins the method's names of types or awards in lang: the
// method's English names on an English export ("top ten counties; advanced
// county of its type (industry-led)"), as they are in Chinese otherwise.
func (v *rankView) names(lang locale.Lang, zh []string) string {
	if lang != locale.EN || v.Method == nil {
		return strings.Join(zh, "、")
	}
	en := map[string]string{}
	for _, p := range namePairs(v.Method) {
		en[p[0]] = p[1]
	}
	out := make([]string, len(zh))
	for i, n := range zh {
		out[i] = n
		if e := en[n]; e != "" {
			out[i] = e
		}
	}
	return strings.Join(out, "; ")
}
