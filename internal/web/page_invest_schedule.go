package web

import (
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/followup"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
)

func init() {
	registerUI(map[string][2]string{
		"sch.title":        {"重点项目调度", "Key project scheduling"},
		"sch.intro":        {"协议投资额 5 亿元及以上的签约项目为重点项目，每个项目明确包抓领导和牵头部门；合同开工或投产日期已过而未开工、未投产的项目为进度滞后，可一键列入问题清单，与红灯指标、开发区预警的问题同一督办流程（督办单 → 答复 → 销号，逾期升级）。", "Signed projects of 5 亿元 or more are key projects, each with a 包抓 leader and a leading department; a project past its contract start or production date without starting or producing is behind schedule and goes onto the problem list in one click, in the same 督办 loop as red indicators and zone warnings (督办单 → reply → 销号, escalated when overdue)."},
		"sch.counts":       {"重点项目 %d 个，已明确包抓领导 %d 个；进度滞后 %d 个；未销号问题 %d 个", "%d key projects, %d with a 包抓 leader; %d behind schedule; %d open problems"},
		"sch.behind":       {"进度滞后的重点项目", "Key projects behind schedule"},
		"sch.shown":        {"按滞后天数排列，显示前 %d 个；完整名单见调度会材料（Excel）。", "By days late; the first %d shown, the full list is in the meeting paper (Excel)."},
		"sch.missed":       {"滞后环节", "Missed"},
		"sch.missed.start": {"未按期开工", "start"},
		"sch.missed.prod":  {"未按期投产", "production"},
		"sch.daysLate":     {"滞后天数", "Days late"},
		"sch.noBehind":     {"没有进度滞后的重点项目。", "No key project is behind schedule."},
		"sch.problems":     {"项目问题清单（未销号）", "Open project problems"},
		"sch.noProblems":   {"没有未销号的项目问题。", "No open project problem."},
		"sch.depts":        {"逾期问题（按责任单位）", "Overdue problems by responsible department"},
		"sch.open":         {"未销号", "Open"},
		"sch.overdue":      {"逾期", "Overdue"},
		"sch.maxLate":      {"最长逾期天数", "Longest overdue (days)"},
		"sch.noDepts":      {"没有未销号的问题。", "No open problem."},
		"sch.xlsx":         {"调度会材料（Excel）", "Meeting paper (Excel)"},
		"sch.docx":         {"调度会材料（Word）", "Meeting paper (Word)"},
		"sch.raiseTitle":   {"%s进度滞后 %d 天", "%s behind schedule by %d days"},
		"sch.setLeader":    {"设定包抓领导", "Set the leader"},
		"sch.done":         {"已保存。", "Saved."},
	})
}

// scheduleShown is how many projects behind schedule the page lists.
const scheduleShown = 50

// scheduleLine is a key project behind schedule on the page.
type scheduleLine struct {
	scheduleProject
	CountyName string
	CanWrite   bool
	CanRaise   bool
	Problems   int // open problems raised from it
}

// scheduleView is /invest/schedule.
type scheduleView struct {
	*scheduleData
	Lines    []scheduleLine
	Total    int // projects behind schedule
	Shown    int
	Names    map[string]string
	Deadline string
	Done     bool
	Now      time.Time
}

// investSchedule is the scheduling page (internal): counts, the key
// projects behind schedule with their 包抓 leaders and a one-click raise,
// the open project problems and the overdue ones per department.
func (s *Server) investSchedule(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	d, err := s.scheduleData(r, scheduleShown, 0)
	if err != nil {
		return err
	}
	units, err := s.unitNames(r.Context())
	if err != nil {
		return err
	}
	v := &scheduleView{scheduleData: d, Total: d.BehindTotal, Names: map[string]string{}, Done: r.URL.Query().Get("done") != "",
		Deadline: followup.DefaultDeadline(followup.LinkProject, invest.DayOf(time.Now().In(store.ChinaTime))).String(), Now: time.Now()}
	for code, u := range units {
		v.Names[code] = u.Name
	}
	open := map[string]int{}
	for _, p := range d.Problems {
		open[p.LinkProject]++
	}
	for _, p := range d.Behind {
		res := auth.Resource{Kind: auth.KindFollowup, Unit: p.County, Prefecture: units[p.County].Parent}
		v.Lines = append(v.Lines, scheduleLine{scheduleProject: p, CountyName: units[p.County].Name, Problems: open[p.ID],
			CanWrite: auth.CanFollowup(c.principal(), auth.Write, res), CanRaise: auth.CanFollowup(c.principal(), auth.Raise, res)})
	}
	v.Shown = len(v.Lines)
	s.render(w, r, http.StatusOK, "invest_schedule", v)
	return nil
}

// Overdue reports whether problem p is overdue now.
func (v *scheduleView) Overdue(p store.Problem) bool { return p.Overdue(v.Now) }
