package web

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
)

// The browser pages are server-rendered html/template pages. Every file of
// templates/ is a page named after the file (rankings.html → "rankings")
// except layout.html, which frames every page, and part_*.html, shared
// pieces every page may call ({{template "empty" …}}, {{template "map" …}}).
// A page file defines "content" and, optionally, "title" and "head".
//
//go:embed templates/*.html
var templateFS embed.FS

// pageSets returns every page parsed once per language, so that the
// template function t is bound to its language and works at any depth of a
// template without passing the language around. They are parsed on first
// use (tens of milliseconds), not at start: a command-line run never
// renders a page.
var pageSets = sync.OnceValue(mustParsePages)

func mustParsePages() map[locale.Lang]map[string]*template.Template {
	sets, err := parsePages(templateFS)
	if err != nil {
		panic(err)
	}
	return sets
}

func parsePages(fsys fs.FS) (map[locale.Lang]map[string]*template.Template, error) {
	names, err := fs.Glob(fsys, "templates/*.html")
	if err != nil {
		return nil, err
	}
	shared := []string{"templates/layout.html"}
	var pageFiles []string
	for _, n := range names {
		base := path.Base(n)
		switch {
		case base == "layout.html":
		case strings.HasPrefix(base, "part_"):
			shared = append(shared, n)
		default:
			pageFiles = append(pageFiles, n)
		}
	}
	sets := map[locale.Lang]map[string]*template.Template{}
	for _, lang := range []locale.Lang{locale.ZH, locale.EN} {
		base, err := template.New("layout").Funcs(pageFuncs(lang)).ParseFS(fsys, shared...)
		if err != nil {
			return nil, fmt.Errorf("web: templates: %w", err)
		}
		sets[lang] = map[string]*template.Template{}
		for _, f := range pageFiles {
			t, err := template.Must(base.Clone()).ParseFS(fsys, f)
			if err != nil {
				return nil, fmt.Errorf("web: template %s: %w", f, err)
			}
			sets[lang][strings.TrimSuffix(path.Base(f), ".html")] = t
		}
	}
	return sets, nil
}

// Page is what the layout receives: the page's own data in Data, and what
// every page shows around it (the user, the language, the active menu).
type Page struct {
	Lang    locale.Lang
	User    *store.User // nil without a login
	Nav     string      // the active menu entry: home, rankings, counties, method, runs, data, notice, admin (login: the login page)
	Path    string      // the request's path and query, for the language switch and the login's next
	ECharts bool        // the ECharts bundle is built in (static/vendor/echarts.min.js)
	Fonts   bool        // the Noto Sans SC web font is built in (static/vendor/fonts/)
	Print   bool        // ?print=1: the printable form, without the menu
	Sample  bool        // the database holds demonstration data: every page carries a 示例数据 watermark
	Status  int
	Data    any
	Parts   *pageParts // the page without its frame, rendered by render (or kept by the page cache)
}

// pageParts is a page rendered without its frame: what the layout puts in
// <title>, <head> and <main>. The frame — menu, user, language switch —
// is drawn for each request, so that a cached page's parts can serve every
// caller of the same scope (see cachedPage).
type pageParts struct {
	Name    string // the page template
	Title   string // plain text; the layout escapes it
	Head    template.HTML
	Content template.HTML
}

// size is what the parts cost the page cache, in bytes.
func (pp *pageParts) size() int {
	return len(pp.Name) + len(pp.Title) + len(pp.Head) + len(pp.Content) + 64
}

// renderParts renders the title, head and content of page t for p.
func renderParts(t *template.Template, name string, p *Page) (*pageParts, error) {
	var b bytes.Buffer
	pp := &pageParts{Name: name}
	for _, part := range []string{"title", "head", "content"} {
		b.Reset()
		if err := t.ExecuteTemplate(&b, part, p); err != nil {
			return nil, err
		}
		switch part {
		case "title":
			pp.Title = html.UnescapeString(strings.TrimSpace(b.String()))
		case "head":
			pp.Head = template.HTML(b.String())
		default:
			pp.Content = template.HTML(b.String())
		}
	}
	return pp, nil
}

// En reports whether the page is in English.
func (p *Page) En() bool { return p.Lang == locale.EN }

// Staff reports whether the user is of the provincial office (administrator
// or analyst): pages show them links to work the others may not do.
func (p *Page) Staff() bool {
	return p.User != nil && (p.User.Role == auth.RoleAdmin || p.User.Role == auth.RoleAnalyst)
}

// Admin reports whether the user is an administrator.
func (p *Page) Admin() bool { return p.User != nil && p.User.Role == auth.RoleAdmin }

// OtherLang is the language the switch offers.
func (p *Page) OtherLang() string {
	if p.Lang == locale.EN {
		return "zh"
	}
	return "en"
}

// navOf names the menu entry of a path by its first segment.
func navOf(p string) string {
	seg, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	seg = strings.TrimSuffix(strings.TrimSuffix(seg, ".xlsx"), ".pdf")
	switch seg {
	case "":
		return "home"
	case "rankings", "counties", "method", "runs", "data", "notice", "admin", "login", "collection", "confirm", "events", "monitor", "zones", "invest", "leader":
		return seg
	}
	return ""
}

// newPage returns the frame of a page for r.
func (s *Server) newPage(r *http.Request, status int, data any) *Page {
	p := &Page{Lang: pageLang(r), Nav: navOf(r.URL.Path), Path: r.URL.RequestURI(), ECharts: hasECharts, Fonts: hasFonts,
		Print: r.URL.Query().Get("print") == "1", Status: status, Data: data}
	if c := callerOf(r); !c.anonymous() {
		u := c.user
		p.User = &u
	}
	p.Sample = s.sampleData(r)
	return p
}

// sampleFlag is whether the database holds demonstration data, as read at
// a change generation.
type sampleFlag struct {
	mu     sync.Mutex
	gen    int64
	known  bool
	sample bool
}

// sampleData reports whether the database holds demonstration data, asked
// again only when the change generation moved. On an error the page goes
// without the watermark (and the error is logged): it is a label, not a
// reason to refuse the page.
func (s *Server) sampleData(r *http.Request) bool {
	gen, err := s.generation(r)
	f := &s.caches.sample
	f.mu.Lock()
	defer f.mu.Unlock()
	if err == nil && f.known && f.gen == gen {
		return f.sample
	}
	ok, err2 := s.db.HoldsSampleData(r.Context())
	if err != nil || err2 != nil {
		s.log.WarnContext(r.Context(), "cannot tell whether the database holds sample data", "err", errors.Join(err, err2))
		return f.sample
	}
	f.gen, f.known, f.sample = gen, true, ok
	return ok
}

// render writes the page name with data framed by the layout, in the
// request's language, with status. It renders into a buffer first, so that
// a template error becomes a clean 500 rather than half a page. A page
// served through cachedPage hands its parts to the cache.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	p := s.newPage(r, status, data)
	t, ok := pageSets()[p.Lang][name]
	if !ok {
		s.log.ErrorContext(r.Context(), "no such page template", "name", name)
		http.Error(w, "internal server error (no template "+name+")", http.StatusInternalServerError)
		return
	}
	var b bytes.Buffer
	var err error
	if p.Parts, err = renderParts(t, name, p); err == nil {
		err = t.ExecuteTemplate(&b, "layout", p)
	}
	if err == nil && status == http.StatusOK {
		if c, ok := r.Context().Value(captureKey).(*pageCapture); ok {
			c.parts = p.Parts
		}
	}
	if err != nil {
		s.log.ErrorContext(r.Context(), "rendering a page", "name", name, "err", err)
		if name != "error" {
			s.render(w, r, http.StatusInternalServerError, "error", errorView{Status: http.StatusInternalServerError,
				Title: errorTitle(p.Lang, http.StatusInternalServerError)})
			return
		}
		http.Error(w, "internal server error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(s.inPageLanguage(r, p.Lang, b.Bytes()))
}

// page adapts a handler of a browser page: a returned error is shown as an
// HTML error page in the page's language (pageError).
func (s *Server) page(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.pageError(w, r, err)
		}
	})
}

// errorView is the data of the error page.
type errorView struct {
	Status  int
	Title   string   // what went wrong, in general
	Message string   // what went wrong, in particular
	Details []Detail // located problems, when there are any
	Login   string   // the login link with next=, for 401 and 403 without a login
}

// pageError renders err as an HTML error page: a GET without a login that
// needs one goes to the login form (and comes back afterwards); everything
// else gets a page in the user's language with the status of errors.go's
// table. The cause of a server error is logged, never shown.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	lang := pageLang(r)
	e := asError(err, lang)
	status := statusOf[e.Code]
	login := "/login?next=" + url.QueryEscape(r.URL.RequestURI())
	if staleSession(r) {
		login += "&expired=1" // the login page explains why she must log in again
	}
	if e.Code == EUnauthenticated && r.Method == http.MethodGet {
		http.Redirect(w, r, login, http.StatusSeeOther)
		return
	}
	if e.Code == EForbidden {
		s.auditRefusal(r, e)
	}
	if status >= 500 && e.Code != EUnavailable {
		s.log.ErrorContext(r.Context(), "page failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	v := errorView{Status: status, Title: errorTitle(lang, status), Message: e.Msg.In(lang),
		Details: details(e.Cells, lang)}
	if status == http.StatusInternalServerError {
		v.Message = "" // the cause is for the log
	}
	if callerOf(r).anonymous() && (status == http.StatusForbidden || status == http.StatusUnauthorized) {
		v.Login = login
	}
	s.render(w, r, status, "error", v)
}

// notFoundPage is the browser's 404 for paths no route serves.
func (s *Server) notFoundPage(w http.ResponseWriter, r *http.Request) error {
	return notFound(r.URL.Path)
}

// errorTitle is the heading of the error page of status.
func errorTitle(lang locale.Lang, status int) string {
	switch status {
	case http.StatusNotFound, http.StatusForbidden, http.StatusUnauthorized, http.StatusServiceUnavailable:
		return ui(lang, fmt.Sprintf("err.%d", status))
	case http.StatusInternalServerError:
		return ui(lang, "err.500")
	}
	return ui(lang, "err.title")
}
