package web

import (
	"math"
	"net/http"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
)

// revisionView is a revision's diff (/data/revisions/{id}): who wrote it,
// when and why, and each figure it wrote in the caller's scope beside the
// value it replaced.
type revisionView struct {
	Rev     store.Revision
	Kind    string // the revision's kind in words
	Rows    []revisionRow
	Total   int // figures in scope; Rows holds the first of them
	Changed int // figures that replaced another value
}

// revisionRow is one figure of the diff, named.
type revisionRow struct {
	Period, UnitName, IndicatorName, Measure string
	Old, Value, Change                       float64 // NaN: none (a new or a missing figure)
	New                                      bool    // no earlier value
	Status, Note, Explanation                string
}

// dataRevisionGet shows a revision's diff.
func (s *Server) dataRevisionGet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx := r.Context()
	f, err := s.figureScope(r, store.ObservationFilter{})
	if err != nil {
		return err
	}
	rev, err := s.db.Revision(ctx, id)
	if err != nil {
		return err
	}
	cs, total, err := s.db.RevisionChanges(ctx, id, f)
	if err != nil {
		return err
	}
	units, err := s.unitNames(ctx)
	if err != nil {
		return err
	}
	byCode, err := s.indicatorsByCode(ctx)
	if err != nil {
		return err
	}
	lang := pageLang(r)
	v := &revisionView{Rev: rev, Kind: revisionKind(lang, rev.Kind), Total: total}
	for _, c := range cs {
		row := revisionRow{Period: c.Period, UnitName: units[c.Unit].Name, Old: math.NaN(), Value: math.NaN(), Change: math.NaN(),
			New: !c.HadOld, Status: ui(lang, "status."+string(c.Status)), Note: c.Note, Explanation: c.Explanation}
		if row.UnitName == "" {
			row.UnitName = c.Unit
		}
		row.IndicatorName, row.Measure = c.Indicator, ""
		if ind, ok := byCode[c.Indicator]; ok {
			row.IndicatorName, row.Measure = pickLang(lang, ind.NameZH, ind.NameEN), ind.Unit
		}
		if c.Value.Valid {
			row.Value = c.Value.Float64
		}
		if c.HadOld && c.Old.Valid {
			row.Old = c.Old.Float64
			v.Changed++
		}
		if !math.IsNaN(row.Old) && !math.IsNaN(row.Value) {
			row.Change = row.Value - row.Old
		}
		v.Rows = append(v.Rows, row)
	}
	s.render(w, r, http.StatusOK, "data_revision", v)
	return nil
}

// revisionKind is a revision's kind in words (its code when unknown).
func revisionKind(lang locale.Lang, kind string) string {
	if s := ui(lang, "rev.kind."+kind); s != "rev.kind."+kind {
		return s
	}
	return kind
}

func init() {
	registerUI(map[string][2]string{
		"rev.title":             {"数据版本 #%d", "Revision #%d"},
		"rev.meta":              {"%s · %s · %s", "%s · %s · %s"},
		"rev.count":             {"本版本写入您可查看的数值 %d 个，其中 %d 个替换了原有数值。", "This revision wrote %d figures you may see; %d of them replaced a value."},
		"rev.more":              {"仅列出前 %d 个。", "Only the first %d are listed."},
		"rev.period":            {"期间", "Period"},
		"rev.old":               {"原数值", "Before"},
		"rev.new":               {"新数值", "After"},
		"rev.change":            {"变化", "Change"},
		"rev.status":            {"状态", "Status"},
		"rev.why":               {"说明", "Why"},
		"rev.added":             {"新增", "new"},
		"rev.back":              {"返回数据页", "Back to the data page"},
		"rev.kind.import":       {"导入", "import"},
		"rev.kind.correction":   {"更正", "correction"},
		"rev.kind.confirmation": {"核对确认", "confirmation"},
		"rev.kind.objection":    {"异议", "objection"},
		"rev.kind.events":       {"事件", "events"},
		"rev.kind.targets":      {"目标", "targets"},
		"status.reported":       {"已报送", "reported"},
		"status.confirmed":      {"已确认", "confirmed"},
		"status.objected":       {"有异议", "objected"},
		"status.corrected":      {"已更正", "corrected"},
		"status.estimated":      {"估算", "estimated"},
		"status.imputed":        {"插补", "imputed"},
	})
}
