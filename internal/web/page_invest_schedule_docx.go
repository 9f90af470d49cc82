package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/qiangxian/qiangxian/internal/report"
)

// scheduleDocShown is how many projects behind schedule the document
// names; the workbook has them all.
const scheduleDocShown = 30

// investScheduleDOCX is the scheduling meeting's paper as a document in
// the notice model (内部资料): the counts, the key projects most behind
// schedule with their 包抓 leaders, the departments with overdue
// problems, and the open project problems as its attachment. Chinese
// only, as an official paper is.
func (s *Server) investScheduleDOCX(w http.ResponseWriter, r *http.Request) error {
	d, err := s.scheduleData(r, 0, 0) // every project behind schedule
	if err != nil {
		return err
	}
	units, err := s.unitNames(r.Context())
	if err != nil {
		return err
	}
	now := time.Now()
	starts, prods, overdue := 0, 0, 0
	for _, p := range d.Behind {
		if p.Start {
			starts++
		}
		if p.Production {
			prods++
		}
	}
	for _, p := range d.Problems {
		if p.Overdue(now) {
			overdue++
		}
	}
	var behind, depts []string
	for i, p := range d.Behind {
		if i == scheduleDocShown {
			break
		}
		leader := "未明确包抓领导"
		if p.Leader != "" {
			leader = "包抓：" + p.Leader + "（" + p.LeaderDept + "）"
		}
		behind = append(behind, fmt.Sprintf("%s（%s，滞后%d天，%s）", p.Name, units[p.County].Name, p.DaysLate, leader))
	}
	for _, dl := range d.Departments {
		if dl.Overdue > 0 {
			depts = append(depts, fmt.Sprintf("%s（逾期%d件，最长%d天）", dl.Responsible, dl.Overdue, dl.MaxDaysLate))
		}
	}
	table := &report.RankingTable{Title: "未销号的项目问题清单", Header: []string{"序号", "县区", "项目编号", "问题", "责任单位", "期限", "状态"}, Full: true}
	for i, p := range d.Problems {
		state := ui("zh", "prob.state."+p.State)
		if p.Overdue(now) {
			state += "（逾期）"
		}
		table.Rows = append(table.Rows, []string{strconv.Itoa(i + 1), units[p.Unit].Name, p.LinkProject, p.Title, p.Responsible,
			p.Deadline.Format(time.DateOnly), state})
	}
	n := &report.Notice{
		Issuer:     "甘肃省招商引资工作领导小组办公室",
		DocNumber:  report.DocNumberPlaceholder,
		Title:      fmt.Sprintf("重点招商引资项目调度情况（截至%d年%d月%d日）", d.AsOf.Year(), int(d.AsOf)/100%100, int(d.AsOf)%100),
		Sample:     "内部资料　注意保存（调度会材料；示例数据的项目名称标有“示例”）",
		Addressees: "各市（州）招商引资工作领导小组办公室：",
		Intro: []string{fmt.Sprintf("协议投资额5亿元及以上的签约重点项目%d个，已明确包抓领导%d个。进度滞后%d个，其中未按期开工%d个、未按期投产%d个；项目问题未销号%d个，其中逾期%d个。",
			d.Key, d.Led, len(d.Behind), starts, prods, len(d.Problems), overdue)},
		Awards: []report.AwardSection{
			{Heading: fmt.Sprintf("一、进度滞后最多的重点项目（前%d个）", min(len(d.Behind), scheduleDocShown)), Groups: []report.AwardGroup{{Names: behind}}},
			{Heading: "二、有逾期问题的责任单位", Groups: []report.AwardGroup{{Names: depts}}},
		},
		Closing:    []string{"请各包抓领导和牵头部门逐项目研究解决制约开工、投产的问题，责任单位按期答复并申请销号；逾期未销号的问题将提级督办。"},
		Attachment: table,
		Date:       fmt.Sprintf("%d年%d月%d日", now.Year(), now.Month(), now.Day()),
	}
	var b bytes.Buffer
	if err := report.NoticeDocument(n).Write(&b); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape("schedule-"+d.AsOf.String()+".docx"))
	w.Header().Set("Content-Length", itoa(b.Len()))
	_, err = w.Write(b.Bytes())
	return err
}
