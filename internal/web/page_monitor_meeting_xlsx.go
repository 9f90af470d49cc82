package web

import (
	"math"
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/monitor"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// monitorMeetingXLSX is the scheduling meeting's paper (调度会材料) of a
// period, for the provincial office: the units behind schedule (an
// absolute target's completion short of elapsed time, or a growth short
// of its target), the red indicators, and the open problems with their
// deadlines, overdue ones marked. Marked 内部资料.
func (s *Server) monitorMeetingXLSX(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindMonitor}, "scheduling meeting paper"); err != nil {
		return err
	}
	d, p, ok, err := s.monitorPeriod(r)
	if err != nil {
		return err
	}
	if !ok {
		return notFound("monitoring period")
	}
	names, err := s.monitorUnitNames(r.Context())
	if err != nil {
		return err
	}
	in := d.In
	in.Period = p
	rows := monitor.Compute(in)
	en := pageLang(r) == "en"
	tr := func(zh, e string) string {
		if en {
			return e
		}
		return zh
	}
	num := func(v float64) any {
		if math.IsNaN(v) {
			return nil
		}
		return v
	}
	mark := []any{tr("内部资料 · "+p.String()+" 累计", "Internal · cumulative to "+p.String())}
	behind := [][]any{mark, {tr("单位代码", "Unit"), tr("单位", "Name"), tr("指标", "Indicator"), tr("目标类型", "Kind"), tr("目标", "Target"),
		tr("累计值", "Value"), tr("增速", "Growth"), tr("完成率", "Completion"), tr("序时进度", "Elapsed"), tr("序时差", "Gap")}}
	red := [][]any{mark, {tr("单位代码", "Unit"), tr("单位", "Name"), tr("指标", "Indicator"), tr("累计值", "Value"), tr("增速", "Growth"),
		tr("全省增速", "Province growth"), tr("比全省", "vs province"), tr("增速位次", "Rank")}}
	for _, x := range rows {
		if x.Kind != "" && x.ScheduleGap < 0 {
			behind = append(behind, []any{x.Unit, names[x.Unit], x.Indicator, string(x.Kind), num(x.Target), num(x.Value), num(x.Growth),
				num(x.Completion), num(x.Elapsed), num(x.ScheduleGap)})
		}
		if x.Light == monitor.Red {
			red = append(red, []any{x.Unit, names[x.Unit], x.Indicator, num(x.Value), num(x.Growth), num(x.ProvinceGrowth), num(x.DiffPP), x.Rank})
		}
	}
	ps, err := s.db.Problems(r.Context(), store.ProblemFilter{Open: true})
	if err != nil {
		return err
	}
	open := [][]any{mark, {tr("编号", "No."), tr("单位", "Unit"), tr("问题", "Problem"), tr("责任单位", "Responsible"), tr("整改措施", "Measures"),
		tr("期限", "Deadline"), tr("状态", "State"), tr("逾期", "Overdue"), tr("督办级别", "Escalation")}}
	for _, pr := range ps {
		over := ""
		if pr.Overdue(time.Now()) {
			over = tr("逾期", "overdue")
		}
		open = append(open, []any{pr.ID, names[pr.Unit], pr.Title, pr.Responsible, pr.Measures, pr.Deadline.Format(time.DateOnly),
			ui(pageLang(r), "prob.state."+pr.State), over, pr.Escalation})
	}
	return writeXLSX(w, "meeting-"+p.String()+".xlsx", []xlsx.Sheet{
		{Name: tr("序时进度滞后", "Behind schedule"), Rows: behind},
		{Name: tr("红灯指标", "Red indicators"), Rows: red},
		{Name: tr("未销号问题", "Open problems"), Rows: open},
	})
}
