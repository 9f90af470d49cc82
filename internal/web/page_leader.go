package web

import (
	"math"
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/monitor"
)

func init() {
	registerUI(map[string][2]string{
		"nav.leader":       {"领导视图", "At a glance"},
		"lead.title":       {"一览", "At a glance"},
		"lead.runOf":       {"%s 年度评价结果", "Results for %s"},
		"lead.awards":      {"获奖县区", "Award winners"},
		"lead.top":         {"综合排名前五", "Top five overall"},
		"lead.reds":        {"监测红灯", "Red lights of the monitoring"},
		"lead.redsOf":      {"%s 月度监测中落后于进度的指标", "Indicators behind schedule in the monitoring of %s"},
		"lead.noReds":      {"本期没有红灯。", "No red lights this period."},
		"lead.noMonitor":   {"您的账号不查看月度监测。", "Your account does not read the monthly monitoring."},
		"lead.counties":    {"县区简况", "County profiles"},
		"lead.countiesTip": {"点击县区名称查看一页简况。", "Choose a county for its one-page profile."},
		"lead.mark":        {"%s 查看 · %s · 内部资料", "viewed by %s · %s · internal"},
		"lead.export":      {"导出 Excel", "Export to Excel"},
		"lead.growth":      {"增速 %s%%", "growth %s%%"},
		"lead.score":       {"综合得分", "Overall score"},
		"lead.rank":        {"综合名次", "Overall rank"},
		"lead.typeRank":    {"%s 类排名", "Rank in %s"},
		"lead.areas":       {"各领域得分", "Scores by domain"},
		"lead.countyReds":  {"本县监测红灯", "The county's red lights"},
		"lead.back":        {"返回一览", "Back to the overview"},
		"lead.more":        {"完整简况", "Full profile"},
	})
}

// leaderView is the data of the leader's overview (/leader) and of a
// county's one-page profile (/leader/{code}).
type leaderView struct {
	Rank     *rankView
	Top      []rankRow
	Mark     string // the watermark: who is viewing, and when
	Monitor  bool   // the caller reads the monitoring
	Period   string // the monitoring period of Reds
	Reds     []leaderRed
	County   *rankRow // the profile's county
	TypeRank []leaderTypeRank
	Areas    []leaderArea
}

// leaderRed is a red light of the monitoring: unit and indicator by name.
type leaderRed struct {
	Unit, UnitName, Indicator, Unit2 string
	Growth                           float64
}

// leaderTypeRank is the county's rank within one of its types.
type leaderTypeRank struct {
	Type string
	Rank float64
}

// leaderArea is the county's score in one domain.
type leaderArea struct {
	Name, NameEn string
	Score        float64
}

// leaderGet is GET /leader: the latest published period at a glance for a
// logged-in reader — the award winners, the top five, the red lights of
// the monitoring she may read, the counties with links to their one-page
// profiles — under a watermark of her name and the time.
func (s *Server) leaderGet(w http.ResponseWriter, r *http.Request) error {
	v, err := s.leaderView(r)
	if err != nil {
		return err
	}
	if v.Rank != nil {
		v.Top = v.Rank.Rows[:min(5, len(v.Rank.Rows))]
	}
	s.render(w, r, http.StatusOK, "leader", v)
	return nil
}

// leaderView gathers what both leader pages show: the run, the watermark,
// the red lights.
func (s *Server) leaderView(r *http.Request) (*leaderView, error) {
	c := callerOf(r)
	if c.anonymous() {
		return nil, errorf(EUnauthenticated, "web.unauthenticated")
	}
	v := &leaderView{Mark: leaderMark(r, time.Now())}
	run, ok, err := s.pickRun(r)
	if err != nil {
		return nil, err
	}
	if ok {
		if v.Rank, err = s.rankingOf(r, run); err != nil {
			return nil, err
		}
	}
	if err := s.leaderReds(r, v); err != nil {
		return nil, err
	}
	return v, nil
}

// leaderMark is the watermark text: the reader's name (or account) and the
// time in China Standard Time.
func leaderMark(r *http.Request, now time.Time) string {
	u := callerOf(r).user
	name := u.DisplayName
	if name == "" {
		name = u.Username
	}
	return ui(pageLang(r), "lead.mark", name, now.In(chinaTime).Format("2006-01-02 15:04"))
}

// chinaTime is UTC+8, the time of the offices that read the pages.
var chinaTime = time.FixedZone("CST", 8*3600)

// leaderReds fills the red lights of the latest released monitoring period
// that the caller may read; a caller who reads no monitoring gets none.
func (s *Server) leaderReds(r *http.Request, v *leaderView) error {
	c := callerOf(r)
	if !auth.Can(c.principal(), auth.Read, withReleased(ownScope(c, auth.KindMonitor))) {
		return nil
	}
	d, p, ok, err := s.monitorPeriod(r)
	if err != nil || !ok {
		return err
	}
	v.Monitor, v.Period = true, p.String()
	rows, err := s.visibleRows(r, d, p)
	if err != nil {
		return err
	}
	names, err := s.monitorUnitNames(r.Context())
	if err != nil {
		return err
	}
	inds := map[string][2]string{}
	for _, i := range d.Indicators {
		inds[i.Code] = [2]string{i.Name, i.Unit}
	}
	for _, x := range rows {
		if x.Light != monitor.Red || monitor.IsProvince(x.Unit) {
			continue
		}
		name := inds[x.Indicator][0]
		if name == "" {
			name = x.Indicator
		}
		v.Reds = append(v.Reds, leaderRed{Unit: x.Unit, UnitName: names[x.Unit], Indicator: name, Unit2: inds[x.Indicator][1],
			Growth: x.Growth})
	}
	return nil
}

// leaderCounty is GET /leader/{code}: one county on one phone screen —
// score, ranks, awards, domain scores, its red lights — under the same
// watermark. A county the caller may not see is not found.
func (s *Server) leaderCounty(w http.ResponseWriter, r *http.Request) error {
	v, err := s.leaderView(r)
	if err != nil {
		return err
	}
	code := r.PathValue("code")
	if v.Rank == nil {
		return notFound("county " + code + " in a published run")
	}
	for i := range v.Rank.Rows {
		if v.Rank.Rows[i].Code == code {
			v.County = &v.Rank.Rows[i]
		}
	}
	if v.County == nil {
		return notFound("county " + code + " in run " + itoa(int(v.Rank.Run.ID)))
	}
	for i, t := range v.Rank.Types {
		if i < len(v.County.TypeRanks) && !math.IsNaN(v.County.TypeRanks[i]) {
			v.TypeRank = append(v.TypeRank, leaderTypeRank{Type: t, Rank: v.County.TypeRanks[i]})
		}
	}
	for i, a := range v.Rank.Areas {
		if i < len(v.County.Areas) {
			v.Areas = append(v.Areas, leaderArea{Name: a.Name, NameEn: a.NameEn, Score: v.County.Areas[i]})
		}
	}
	reds := v.Reds[:0]
	for _, x := range v.Reds {
		if x.Unit == code {
			reds = append(reds, x)
		}
	}
	v.Reds = reds
	s.render(w, r, http.StatusOK, "leader_county", v)
	return nil
}
