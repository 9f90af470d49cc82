package web

import "net/http"

func init() {
	registerUI(map[string][2]string{
		"nav.monitor":       {"月度监测", "Monitoring"},
		"mon.title":         {"月度监测", "Monthly monitoring"},
		"mon.intro":         {"各县区 1–N 月累计数据对照年初目标：增速、比全省、完成率与序时进度（序时 = 月数/12，季节性指标用近三个正常年份的平均进度）。示例数据。", "Each county's cumulative figures against its year-start targets: growth, against the province, completion and elapsed time (months / 12, or for seasonal indicators the average share of the last three normal years). Sample data."},
		"mon.period":        {"期间", "Period"},
		"mon.cum":           {"%d年1–%d月累计", "%d, months 1–%d cumulative"},
		"mon.unreleased":    {"本期数据尚未到统计局发布日，仅省级可见。", "This period is before the statistics bureau's release day: only the provincial office sees it."},
		"mon.none":          {"暂无可查看的监测数据。", "No monitoring figures to show."},
		"mon.unit":          {"县区", "County"},
		"mon.province":      {"全省", "Province"},
		"mon.summed":        {"县区合计增速", "sum of counties"},
		"mon.seasonal":      {"季节性", "seasonal"},
		"mon.falling":       {"越低越好", "lower is better"},
		"mon.growth":        {"增速", "Growth"},
		"mon.completion":    {"完成率", "Completion"},
		"mon.elapsed":       {"序时", "Elapsed"},
		"mon.gap":           {"序时差", "Schedule gap"},
		"mon.prelim":        {"初步", "prelim."},
		"mon.typeRank":      {"类型内 %d/%d", "%d of %d in type"},
		"mon.typeRankHow":   {"按增速在同一主类型县区中的位次", "rank by growth among the counties of the same main type"},
		"mon.light.green":   {"绿灯", "Green"},
		"mon.light.yellow":  {"黄灯", "Yellow"},
		"mon.light.red":     {"红灯", "Red"},
		"mon.light.":        {"无灯", "No light"},
		"mon.trend":         {"全省增速走势（%）", "Province growth month by month (%)"},
		"mon.problems":      {"问题清单与督办", "Problems and 督办"},
		"mon.quarters":      {"季度排名", "Quarterly rankings"},
		"mon.meeting":       {"调度会材料（XLSX）", "Scheduling meeting paper (XLSX)"},
		"mon.apply":         {"查看", "Show"},
		"mon.target":        {"目标", "Target"},
		"mon.value":         {"累计值", "Cumulative"},
		"mon.rank":          {"增速位次", "Growth rank"},
		"mon.vsProvince":    {"比全省", "vs province"},
		"mon.raiseFromRed":  {"列入问题清单", "Raise a problem"},
		"mon.sampleData":    {"示例数据", "Sample data"},
		"mon.indicatorCell": {"增速 %，完成率 / 序时", "growth %, completion / elapsed"},
	})
}

// monitorGet renders /monitor: the heat table of units × indicators of the
// latest period the caller may read (or ?period=), with lights and 序时
// columns, and the province's growth month by month.
func (s *Server) monitorGet(w http.ResponseWriter, r *http.Request) error {
	d, p, ok, err := s.monitorPeriod(r)
	if err != nil {
		return err
	}
	v := &monitorView{Empty: true}
	if ok {
		if v, err = s.heat(r, d, p); err != nil {
			return err
		}
	}
	s.render(w, r, http.StatusOK, "monitor", v)
	return nil
}
