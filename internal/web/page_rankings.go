package web

import (
	"cmp"
	"math"
	"net/http"
	"net/url"
	"slices"
)

func init() {
	registerUI(map[string][2]string{
		"rank.title":     {"县域经济综合排名", "County rankings"},
		"rank.typeTitle": {"分类排名：%s", "Ranking within type: %s"},
		"rank.typeRank":  {"分类名次", "Rank in type"},
		"rank.xlsx":      {"导出 Excel", "Export to Excel"},
		"rank.allTypes":  {"全部类型", "All types"},
		"rank.allPrefs":  {"全部市州", "All prefectures"},
	})
}

// rankingsView is the data of /rankings.
type rankingsView struct {
	Rank        *rankView
	Rows        []rankRow
	Type        string // ?type=: one county type, ranked within it
	Prefecture  string // ?prefecture=: one prefecture's counties
	TypeIdx     int    // index of Type in Rank.Types, −1 for all
	Prefectures []choice
	Picker      runPicker
	Query       string // the filters as a query string, for the export link
}

// choice is an option of a select: a code and its name.
type choice struct{ Code, Name string }

// TypeRank is a row's rank in the chosen type, or in its primary type.
func (v rankingsView) TypeRank(r rankRow) float64 {
	i := v.TypeIdx
	if i < 0 && len(r.Types) > 0 {
		i = slices.Index(v.Rank.Types, r.Types[0])
	}
	if i < 0 || i >= len(r.TypeRanks) {
		return math.NaN()
	}
	return r.TypeRanks[i]
}

// rankingsGet shows the ranking table of a run (?run=, else the latest
// published) at the caller's visibility, optionally of one type
// (?type=, ordered by the rank within it) or one prefecture (?prefecture=).
func (s *Server) rankingsGet(w http.ResponseWriter, r *http.Request) error {
	v, ok, err := s.rankings(r)
	if err != nil {
		return err
	}
	if !ok {
		s.render(w, r, http.StatusOK, "rankings", rankingsView{})
		return nil
	}
	if v.Picker, err = s.picker(r, "/rankings", v.Rank.Run.ID, false); err != nil {
		return err
	}
	v.Picker.Keep = map[string]string{"type": v.Type, "prefecture": v.Prefecture}
	s.render(w, r, http.StatusOK, "rankings", v)
	return nil
}

// rankings builds the filtered table for the page and its export.
func (s *Server) rankings(r *http.Request) (rankingsView, bool, error) {
	run, ok, err := s.pickRun(r)
	if err != nil || !ok {
		return rankingsView{}, false, err
	}
	rv, err := s.rankingOf(r, run)
	if err != nil {
		return rankingsView{}, false, err
	}
	q := r.URL.Query()
	v := rankingsView{Rank: rv, Type: s.chineseName(r, q.Get("type")), Prefecture: q.Get("prefecture"),
		TypeIdx: slices.Index(rv.Types, s.chineseName(r, q.Get("type")))}
	if v.TypeIdx < 0 {
		v.Type = ""
	}
	seen := map[string]bool{}
	for _, row := range rv.Rows {
		if row.Prefecture != "" && !seen[row.Prefecture] {
			seen[row.Prefecture] = true
			v.Prefectures = append(v.Prefectures, choice{row.Prefecture, row.PrefName})
		}
		if (v.Type == "" || slices.Contains(row.Types, v.Type)) && (v.Prefecture == "" || row.Prefecture == v.Prefecture) {
			v.Rows = append(v.Rows, row)
		}
	}
	slices.SortFunc(v.Prefectures, func(a, b choice) int { return cmp.Compare(a.Code, b.Code) })
	if v.TypeIdx >= 0 {
		slices.SortStableFunc(v.Rows, func(a, b rankRow) int { return cmpRank(a.TypeRanks[v.TypeIdx], b.TypeRanks[v.TypeIdx]) })
	}
	v.Query = url.Values{"run": {q.Get("run")}, "type": {v.Type}, "prefecture": {v.Prefecture}}.Encode()
	if q.Get("run") == "" {
		v.Query = url.Values{"run": {itoa(int(run.ID))}, "type": {v.Type}, "prefecture": {v.Prefecture}}.Encode()
	}
	return v, true, nil
}
