package web

import (
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// menuItem is an entry of the main menu.
type menuItem struct {
	Key, Href, Label string
	Active           bool
}

// Menu is the main menu, the active entry marked; the map settings only
// for administrators.
func (p *Page) Menu() []menuItem {
	items := []menuItem{
		{Key: "home", Href: "/", Label: "nav.home"},
		{Key: "rankings", Href: "/rankings", Label: "nav.rankings"},
		{Key: "counties", Href: "/counties", Label: "nav.counties"},
		{Key: "method", Href: "/method", Label: "nav.method"},
		{Key: "runs", Href: "/runs", Label: "nav.runs"},
	}
	if p.User != nil && p.User.Role != auth.RoleViewer { // a viewer reads results, not figures (/data answers her 403)
		items = append(items, menuItem{Key: "data", Href: "/data", Label: "nav.data"})
	}
	items = append(items, menuItem{Key: "notice", Href: "/notice", Label: "nav.notice"},
		menuItem{Key: "zones", Href: "/zones", Label: "nav.zones"},    // development zones (page_zone_list.go)
		menuItem{Key: "invest", Href: "/invest", Label: "nav.invest"}) // investment attraction (page_invest_*.go)
	items = append(items, workflowMenu(p.User)...) // workflow (page_collection_notices.go)
	items = append(items, monitorMenu(p.User)...)  // monitoring (page_monitor_view.go)
	if p.User != nil {
		items = append(items, menuItem{Key: "leader", Href: "/leader", Label: "nav.leader"}) // the leader's view (page_leader.go)
	}
	if p.Admin() {
		items = append(items, menuItem{Key: "admin", Href: "/admin/map", Label: "nav.admin.map"})
	}
	for i := range items {
		items[i].Active = items[i].Key == p.Nav
	}
	return items
}

// chartView is the argument of the "chart" template: the page (to know
// whether ECharts is built in), the chart's spec for app.js, and a label
// for screen readers.
type chartView struct {
	Page  *Page
	Spec  any
	Label string
}

// Chart builds a chartView on the page: {{template "chart" ($.Chart .Spec "label")}}.
func (p *Page) Chart(spec any, label string) chartView {
	return chartView{Page: p, Spec: spec, Label: label}
}

// runPicker is the argument of the "runpicker" template.
type runPicker struct {
	Action   string
	Runs     []runOption
	Selected int64
	Keep     map[string]string // other query parameters to keep
}

// runOption is a run as a choice of the picker.
type runOption struct {
	ID    int64
	Label string
}

// langSet is the language switch: it keeps the choice in the lang cookie
// for a year and goes back to the page (next, a path of this site).
func (s *Server) langSet(w http.ResponseWriter, r *http.Request) {
	to := "zh"
	if r.URL.Query().Get("to") == "en" {
		to = "en"
	}
	http.SetCookie(w, &http.Cookie{Name: LangCookie, Value: to, Path: "/", MaxAge: int(365 * 24 * time.Hour / time.Second),
		SameSite: http.SameSiteLaxMode, Secure: s.secure(r)})
	next := safeNext(r.URL.Query().Get("next"))
	if u, err := url.Parse(next); err == nil {
		q := u.Query()
		if q.Has("lang") {
			q.Del("lang")
			u.RawQuery = q.Encode()
			next = u.String()
		}
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// readableRuns returns the runs the caller may read, newest first; with
// publishedOnly only the published ones.
func (s *Server) readableRuns(r *http.Request, publishedOnly bool) ([]store.Run, error) {
	f := store.RunFilter{}
	if publishedOnly {
		f.State = auth.StatePublished
	}
	runs, err := s.db.Runs(r.Context(), f)
	if err != nil {
		return nil, err
	}
	p := callerOf(r).principal()
	out := runs[:0]
	for _, run := range runs {
		if auth.Can(p, auth.Read, runResource(run)) {
			out = append(out, run)
		}
	}
	return out, nil
}

// pickRun returns the run ?run= names, when the caller may read it, or
// else the newest published run she may read; ok is false when there is
// none (an empty state, not an error).
func (s *Server) pickRun(r *http.Request) (run store.Run, ok bool, err error) {
	if v := r.URL.Query().Get("run"); v != "" {
		id, err := queryInt(r, "run")
		if err != nil || id == 0 {
			return run, false, notFound("run " + v)
		}
		run, err = s.readableRun(r, id)
		return run, err == nil, err
	}
	runs, err := s.readableRuns(r, true)
	if err != nil || len(runs) == 0 {
		return run, false, err
	}
	return runs[0], true, nil
}

// runLabel names a run for people: its year, number and state.
func runLabel(p *Page, run store.Run) string {
	return fmt.Sprintf("%s · #%d · %s", run.Period, run.ID, ui(p.Lang, "state."+string(run.State)))
}
