package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/monitor"
	"github.com/qiangxian/qiangxian/internal/report"
)

// monitorQuartersDOCX is the quarterly internal 通报 (内部资料) of the
// latest quarter (or ?quarter=1…4 of the latest year) as an official
// document in the notice model: the lights of the quarter's cumulative
// table, the counties that moved up most and those with the most red
// lights, and the quarter's ranking by the monitoring method (growth) as
// its attachment. The provincial office's.
func (s *Server) monitorQuartersDOCX(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindMonitor}, "quarterly notice"); err != nil {
		return err
	}
	d, _, _, err := s.monitorPeriod(r)
	if err != nil {
		return err
	}
	var qs []monitor.Period
	for _, p := range d.Periods {
		if p.Month%3 == 0 {
			qs = append(qs, p)
		}
	}
	if n, err := strconv.Atoi(r.URL.Query().Get("quarter")); err == nil {
		qs = slices.DeleteFunc(qs, func(p monitor.Period) bool { return p.Month > 3*n })
	}
	if len(qs) == 0 {
		return notFound("monitoring quarter")
	}
	var m monitor.Method
	for _, i := range d.Indicators {
		m.Indicators = append(m.Indicators, monitor.MethodIndicator{Code: i.Code, RankBy: monitor.RankByGrowth, Weight: 1})
	}
	tables := d.In.Periods(qs)
	ranking := monitor.Quarterly(m, tables)
	last, q := ranking[len(ranking)-1], qs[len(qs)-1]
	all, err := s.unitNames(r.Context())
	if err != nil {
		return err
	}
	reds := map[string]int{}
	lights := map[monitor.Light]int{}
	for _, row := range tables[len(tables)-1] {
		lights[row.Light]++
		if row.Light == monitor.Red {
			reds[row.Unit]++
		}
	}
	slices.SortStableFunc(last, func(a, b monitor.Standing) int {
		if a.Rank == 0 || b.Rank == 0 {
			return b.Rank - a.Rank
		}
		return a.Rank - b.Rank
	})
	var risers, redUnits []string
	for _, st := range last {
		if st.Moved && st.Change >= 10 {
			risers = append(risers, all[st.Unit].Name)
		}
		if reds[st.Unit] >= 4 {
			redUnits = append(redUnits, all[st.Unit].Name)
		}
	}
	table := &report.RankingTable{Title: fmt.Sprintf("%d年1–%d月县域经济主要指标监测排名", q.Year, q.Month),
		Header: []string{"名次", "县区", "市州", "红灯数", "平均位次", "较上季", "备注"}, Full: true}
	for _, st := range last {
		change := "—"
		if st.Moved {
			change = strconv.Itoa(st.Change)
			if st.Change > 0 {
				change = "↑" + change
			}
		}
		rank := "—"
		if st.Rank > 0 {
			rank = strconv.Itoa(st.Rank)
		}
		u := all[st.Unit]
		table.Rows = append(table.Rows, []string{rank, u.Name, all[u.Parent].Name, strconv.Itoa(reds[st.Unit]), fixed(st.Score, 2), change, ""})
	}
	n := &report.Notice{
		Issuer:     "甘肃省县域经济发展领导小组办公室",
		DocNumber:  report.DocNumberPlaceholder,
		Title:      fmt.Sprintf("关于%d年第%d季度县域经济主要指标监测情况的通报", q.Year, q.Month/3),
		Sample:     "内部资料　注意保存（示例数据）",
		Addressees: "各市（州）县域经济发展领导小组办公室：",
		Intro: []string{fmt.Sprintf("现将%d年1–%d月各县（市、区）主要经济指标累计完成情况通报如下。%d项县区指标中，绿灯%d项、黄灯%d项、红灯%d项，另有%d项因缺少上年同期数未亮灯。",
			q.Year, q.Month, len(tables[len(tables)-1]), lights[monitor.Green], lights[monitor.Yellow], lights[monitor.Red], lights[monitor.None])},
		Awards: []report.AwardSection{
			{Heading: "一、位次前移10位以上的县区", Groups: []report.AwardGroup{{Names: risers}}},
			{Heading: "二、红灯指标4项以上的县区", Groups: []report.AwardGroup{{Names: redUnits}}},
		},
		Closing:    []string{"请红灯指标较多的县区认真分析原因，对照问题清单落实整改措施，按期申请销号；逾期未销号的问题将提级督办。"},
		Attachment: table,
		Date:       fmt.Sprintf("%d年%d月", q.Year+q.Month/12, q.Month%12+1), // the month after the quarter
	}
	var b bytes.Buffer
	if err := report.NoticeDocument(n).Write(&b); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(fmt.Sprintf("monitor-%d-Q%d.docx", q.Year, q.Month/3)))
	w.Header().Set("Content-Length", itoa(b.Len()))
	_, err = w.Write(b.Bytes())
	return err
}
