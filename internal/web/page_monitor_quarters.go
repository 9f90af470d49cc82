package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/monitor"
)

func init() {
	registerUI(map[string][2]string{
		"monq.title":  {"季度排名（内部资料）", "Quarterly rankings (internal)"},
		"monq.intro":  {"按监测办法对各季度 1–N 月累计数据排名：每个指标按增速、总量或完成率排位次，综合位次为各指标位次的加权平均（越小越好），并与上季度比较。内部资料，不公开。", "Each quarter's cumulative figures ranked by the monitoring method: each indicator by growth, value or completion, the overall place the weighted mean of the places (lower is better), compared with the quarter before. Internal, not published."},
		"monq.rankBy": {"排名依据", "Rank by"},
		"monq.score":  {"平均位次", "Mean place"},
		"monq.rank":   {"综合位次", "Place"},
		"monq.change": {"较上季", "vs previous quarter"},
		"monq.none":   {"还没有季度数据。", "No quarter yet."},
		"monq.q":      {"%d年第%d季度", "%d Q%d"},
		"monq.docx":   {"季度通报（内部资料，.docx）", "Quarterly notice (internal, .docx)"},
	})
}

// quarterCell is a unit's standing in one quarter.
type quarterCell struct {
	monitor.Standing
	Has bool
}

// quartersView is /monitor/quarters.
type quartersView struct {
	Year     int
	Quarters []int
	RankBy   string
	Method   monitor.Method
	Units    []struct {
		Code, Name string
		Cells      []quarterCell
	}
}

// monitorQuarters renders the quarterly rankings of the latest year: the
// monitoring method ranks every indicator by ?rank_by= (growth, the
// default; value; completion) with weight 1.
func (s *Server) monitorQuarters(w http.ResponseWriter, r *http.Request) error {
	d, _, _, err := s.monitorPeriod(r)
	if err != nil {
		return err
	}
	c := callerOf(r)
	by := r.URL.Query().Get("rank_by")
	if by != monitor.RankByValue && by != monitor.RankByCompletion {
		by = monitor.RankByGrowth
	}
	v := &quartersView{Year: d.Year, RankBy: by}
	for _, i := range d.Indicators {
		v.Method.Indicators = append(v.Method.Indicators, monitor.MethodIndicator{Code: i.Code, RankBy: by, Weight: 1})
	}
	var qs []monitor.Period
	for _, p := range d.readablePeriods(c) {
		if p.Month%3 == 0 {
			qs = append(qs, p)
			v.Quarters = append(v.Quarters, p.Month/3)
		}
	}
	standings := monitor.Quarterly(v.Method, d.In.Periods(qs))
	names, err := s.monitorUnitNames(r.Context())
	if err != nil {
		return err
	}
	prefs, err := s.prefectures(r)
	if err != nil {
		return err
	}
	idx := map[string]int{}
	for q, ss := range standings {
		for _, st := range ss {
			res := auth.Resource{Kind: auth.KindMonitor, Unit: st.Unit, Prefecture: prefs[st.Unit], Released: d.released(qs[q])}
			if !auth.Can(c.principal(), auth.Read, res) {
				continue
			}
			i, ok := idx[st.Unit]
			if !ok {
				i = len(v.Units)
				idx[st.Unit] = i
				v.Units = append(v.Units, struct {
					Code, Name string
					Cells      []quarterCell
				}{st.Unit, names[st.Unit], make([]quarterCell, len(qs))})
			}
			v.Units[i].Cells[q] = quarterCell{Standing: st, Has: true}
		}
	}
	s.render(w, r, http.StatusOK, "monitor_quarters", v)
	return nil
}
