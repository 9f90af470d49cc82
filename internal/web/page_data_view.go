package web

import (
	"cmp"
	"net/http"
	"slices"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
)

// dataView is the data page: the template download, the import form with
// the problems of a rejected upload, the revision history, and who has
// supplied what for a period.
type dataView struct {
	Period    string
	Periods   []string
	CanImport bool
	Imported  string   // the revision of a successful import
	Errors    []Detail // the problems of a rejected upload, each at its cell
	ErrorMsg  string   // the rejection's summary
	Note      string   // the note typed with the rejected upload
	Revisions []store.Revision
	Supply    []supplyDept
	Notices   []store.Notification // workflow: reminders, objections, answers addressed to the caller
}

// supplyDept is one providing department's indicators for the period.
type supplyDept struct {
	Department string
	Indicators []supplyRow
}

// supplyRow is an indicator's figures for the period: how many units have
// one and the newest revision among them.
type supplyRow struct {
	Code, Name, Measure string
	Count               int
	Latest              int64 // 0 when none
}

// maxRevisionsShown bounds the history on the page; the API lists all.
const maxRevisionsShown = 50

// buildData fills the page's lists for the caller: the periods, the
// history and the supply of period (the latest one with data by default),
// narrowed to her scope as the figures API narrows it.
func (s *Server) buildData(r *http.Request, v *dataView) error {
	ctx := r.Context()
	c := callerOf(r)
	if err := require(c, auth.Read, ownScope(c, auth.KindObservation), "figures"); err != nil {
		return err
	}
	v.CanImport = auth.Can(c.principal(), auth.Write, ownScope(c, auth.KindObservation))
	v.Notices = s.dataNotices(r) // workflow (page_collection_notices.go)
	var err error
	if v.Periods, err = s.periodCodes(r); err != nil {
		return err
	}
	if v.Period == "" && len(v.Periods) > 0 {
		v.Period = v.Periods[0]
	}
	revs, err := s.db.Revisions(ctx)
	if err != nil {
		return err
	}
	slices.SortFunc(revs, func(a, b store.Revision) int { return cmp.Compare(b.ID, a.ID) })
	v.Revisions = revs[:min(len(revs), maxRevisionsShown)]
	if v.Period == "" {
		return nil
	}
	f, err := s.figureScope(r, store.ObservationFilter{Periods: []string{v.Period}})
	if err != nil {
		return err
	}
	obs, err := s.db.Observations(ctx, f)
	if err != nil {
		return err
	}
	inds, err := s.db.Indicators(ctx, f.Department)
	if err != nil {
		return err
	}
	v.Supply = supplyOf(inds, obs, pageLang(r))
	return nil
}

// supplyOf counts the figures per indicator, grouped by department.
func supplyOf(inds []store.Indicator, obs []store.Observation, lang locale.Lang) []supplyDept {
	count := map[string]int{}
	latest := map[string]int64{}
	for _, o := range obs {
		count[o.Indicator]++
		latest[o.Indicator] = max(latest[o.Indicator], o.Revision)
	}
	var out []supplyDept
	for _, ind := range inds {
		i := slices.IndexFunc(out, func(d supplyDept) bool { return d.Department == ind.Department })
		if i < 0 {
			out = append(out, supplyDept{Department: ind.Department})
			i = len(out) - 1
		}
		out[i].Indicators = append(out[i].Indicators, supplyRow{Code: ind.Code, Name: pickLang(lang, ind.NameZH, ind.NameEN), Measure: ind.Unit,
			Count: count[ind.Code], Latest: latest[ind.Code]})
	}
	slices.SortStableFunc(out, func(a, b supplyDept) int { return cmp.Compare(a.Department, b.Department) })
	return out
}

func init() {
	registerUI(map[string][2]string{
		"data.title":       {"数据报送", "Data"},
		"data.template":    {"下载报送模板", "Download the template"},
		"data.templateHow": {"模板列出您可以报送的县区和指标，并附上年数据供参考；“说明”表列出各指标的单位、提供部门和指标解释。", "The template lists the counties and indicators you may report, with last year's figures for reference; its 说明 sheet gives each indicator's unit, department and definition."},
		"data.period":      {"期间", "Period"},
		"data.periodPh":    {"如 2023、2023-M06", "e.g. 2023, 2023-M06"},
		"data.download":    {"下载模板（.xlsx）", "Download (.xlsx)"},
		"data.import":      {"导入数据", "Import figures"},
		"data.importHow":   {"上传填好的模板（.xlsx 或 .csv）。所有单元格先逐一检查，全部无误才整体导入为一个数据版本；有错误时一个也不导入，并列出每处错误的位置。", "Upload the filled template (.xlsx or .csv). Every cell is checked first; only a table without problems is imported, as one revision. Otherwise nothing is imported and every problem is listed at its cell."},
		"data.file":        {"文件", "File"},
		"data.note":        {"备注", "Note"},
		"data.importGo":    {"导入", "Import"},
		"data.imported":    {"导入成功，已保存为数据版本 #%s。", "Imported as revision #%s."},
		"data.rejected":    {"没有导入任何数据。请改正以下错误后重新上传：", "Nothing was imported. Correct these problems and upload again:"},
		"data.place":       {"位置", "Cell"},
		"data.problem":     {"问题", "Problem"},
		"data.noImport":    {"您的账号只能查看数据，不能导入。", "Your account may read figures but not import them."},
		"data.history":     {"数据版本记录", "Revision history"},
		"data.rev":         {"版本", "Revision"},
		"data.when":        {"时间", "When"},
		"data.who":         {"操作人", "By"},
		"data.kind":        {"类型", "Kind"},
		"data.source":      {"来源文件", "Source"},
		"data.supply":      {"报送情况", "Who has supplied what"},
		"data.supplyHow":   {"%s 期间各提供部门的指标：已有数值的单位数和最新数据版本。", "The indicators of each providing department for %s: units with a figure and the newest revision."},
		"data.dept":        {"提供部门", "Department"},
		"data.indicator":   {"指标", "Indicator"},
		"data.count":       {"已报单位数", "Units"},
		"data.latest":      {"最新版本", "Latest revision"},
		"data.noPeriod":    {"还没有任何期间的数据。", "There are no figures for any period yet."},
		"data.show":        {"查看", "Show"},
	})
}
