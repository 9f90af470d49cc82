package web

import (
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// investScheduleXLSX is the scheduling meeting's paper (调度会材料) for
// the key projects the caller may read, marked 内部资料: every key project
// behind schedule (most days late first) with its 包抓 leader, the open
// project problems with their deadlines (overdue marked), and the overdue
// problems per responsible department.
func (s *Server) investScheduleXLSX(w http.ResponseWriter, r *http.Request) error {
	d, err := s.scheduleData(r, 0, 0) // every project behind schedule
	if err != nil {
		return err
	}
	units, err := s.unitNames(r.Context())
	if err != nil {
		return err
	}
	en := pageLang(r) == "en"
	tr := func(zh, e string) string {
		if en {
			return e
		}
		return zh
	}
	mark := []any{tr("内部资料 · 截至 ", "Internal · as of ") + d.AsOf.String()}
	behind := [][]any{mark, {tr("项目编号", "Project code"), tr("项目名称", "Project"), tr("县区", "County"), tr("协议投资额（亿元）", "Amount (100m yuan)"),
		tr("合同开工日期", "Contract start"), tr("实际开工日期", "Actual start"), tr("合同投产日期", "Contract production"),
		tr("未按期开工", "Start missed"), tr("未按期投产", "Production missed"), tr("滞后天数", "Days late"), tr("包抓领导", "Leader"), tr("牵头部门", "Leading department")}}
	yes := func(b bool) any {
		if b {
			return tr("是", "yes")
		}
		return ""
	}
	for _, p := range d.Behind {
		behind = append(behind, []any{p.ID, p.Name, units[p.County].Name, p.Amount.Yi(), p.ContractStart.String(), p.ActualStart.String(),
			p.ContractProd.String(), yes(p.Start), yes(p.Production), p.DaysLate, p.Leader, p.LeaderDept})
	}
	now := time.Now()
	open := [][]any{mark, {tr("编号", "No."), tr("县区", "County"), tr("项目编号", "Project code"), tr("问题", "Problem"), tr("责任单位", "Responsible"),
		tr("整改措施", "Measures"), tr("期限", "Deadline"), tr("状态", "State"), tr("逾期", "Overdue"), tr("督办级别", "Escalation")}}
	for _, p := range d.Problems {
		over := ""
		if p.Overdue(now) {
			over = tr("逾期", "overdue")
		}
		open = append(open, []any{p.ID, units[p.Unit].Name, p.LinkProject, p.Title, p.Responsible, p.Measures, p.Deadline.Format(time.DateOnly),
			ui(pageLang(r), "prob.state."+p.State), over, p.Escalation})
	}
	depts := [][]any{mark, {tr("责任单位", "Responsible"), tr("未销号", "Open"), tr("逾期", "Overdue"), tr("最长逾期天数", "Longest overdue (days)")}}
	for _, dl := range d.Departments {
		depts = append(depts, []any{dl.Responsible, dl.Open, dl.Overdue, dl.MaxDaysLate})
	}
	return writeXLSX(w, "schedule-"+d.AsOf.String()+".xlsx", []xlsx.Sheet{
		{Name: tr("进度滞后项目", "Behind schedule"), Rows: behind},
		{Name: tr("未销号问题", "Open problems"), Rows: open},
		{Name: tr("逾期问题按责任单位", "Overdue by department"), Rows: depts},
	})
}
