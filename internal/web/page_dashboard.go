package web

import (
	"net/http"
)

func init() {
	registerUI(map[string][2]string{
		"dash.title":     {"县域经济发展综合评价", "County economy evaluation"},
		"dash.counties":  {"参评县区", "Counties ranked"},
		"dash.top":       {"综合第一", "First overall"},
		"dash.mean":      {"平均得分", "Mean score"},
		"dash.winners":   {"获奖县区", "Award winners"},
		"dash.vetoed":    {"一票否决", "Vetoed"},
		"dash.map":       {"综合得分地图", "Overall scores"},
		"dash.top10":     {"综合排名前十", "Top 10"},
		"dash.awards":    {"获奖名单", "Awards"},
		"dash.risers":    {"名次上升最多", "Biggest risers"},
		"dash.fallers":   {"名次下降最多", "Biggest fallers"},
		"dash.moves":     {"名次变化", "Rank changes"},
		"dash.noMoves":   {"没有与上一批次可比的名次变化。", "No rank changes against a previous run."},
		"dash.partial":   {"按本批次的公开范围，这里只显示获奖县区。", "This run's visibility shows the award winners only."},
		"dash.scoped":    {"这里只显示您有权查看的县区。", "Only the counties you may see are shown."},
		"dash.more":      {"查看完整排名", "Full rankings"},
		"dash.notice":    {"查看通报", "Read the notice"},
		"dash.runOf":     {"%s 年度评价结果（%s）", "Results for %s (%s)"},
		"dash.noWinners": {"暂无获奖县区。", "No winners."},
	})
}

// dashboardView is the data of the dashboard.
type dashboardView struct {
	Rank            *rankView
	Map             *mapView
	Top10           []rankRow
	Risers, Fallers []rankRow
	Ranked          int
	Winners, Vetoed int
	Mean            float64
	Picker          runPicker
}

// dashboardGet shows the latest published run the caller may see (or
// ?run=): headline figures, the map, the top 10, the award lists and the
// biggest moves. Without any run to show it is an empty state, not an error.
func (s *Server) dashboardGet(w http.ResponseWriter, r *http.Request) error {
	run, ok, err := s.pickRun(r)
	if err != nil || !ok {
		if err == nil {
			s.render(w, r, http.StatusOK, "dashboard", dashboardView{})
		}
		return err
	}
	v, err := s.rankingOf(r, run)
	if err != nil {
		return err
	}
	m, err := s.countyMap(r.Context(), pageLang(r), v.Rows)
	if err != nil {
		return err
	}
	d := dashboardView{Rank: v, Map: m, Top10: v.Rows[:min(10, len(v.Rows))]}
	d.Risers, d.Fallers = movers(v.Rows, 5)
	d.Ranked, d.Winners, d.Vetoed, d.Mean = headline(v.Rows)
	if d.Picker, err = s.picker(r, "/", run.ID, true); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "dashboard", d)
	return nil
}
