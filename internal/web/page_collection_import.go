package web

import (
	"math"
	"net/http"
	"net/url"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// heldView is the page of a held upload: its flagged figures, cell by
// cell, each with what the rules say and a field for the explanation.
type heldView struct {
	Held     store.PendingImport
	Cells    []heldCell
	Errors   []Detail
	ErrorMsg string
}

// heldCell is a flagged figure with its findings and the explanation typed.
type heldCell struct {
	Field     string // the form field of its explanation
	Place     string
	Unit      string
	Indicator string
	Value     float64
	Messages  []string
	Text      string
	// Named by heldNames: the unit's and the indicator's names, the
	// indicator's measure, and the figure the upload replaces with the
	// change (Old NaN when there is none).
	UnitName, IndicatorName, Measure string
	Old, Change, ChangePct           float64
}

// cellField names the form field of a cell's explanation.
func cellField(unit, indicator string) string { return "x." + unit + "." + indicator }

// collectionHeldGet shows a held upload.
func (s *Server) collectionHeldGet(w http.ResponseWriter, r *http.Request) error {
	p, err := s.heldImport(r)
	if err != nil {
		return err
	}
	v := heldPage(p, pageLang(r), nil)
	if err := s.heldNames(r, v); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "collection_import", v)
	return nil
}

// heldNames names the units and indicators of v's cells and looks up the
// figures they would replace (the newest stored value of the same unit,
// indicator and period), so that the reader sees 古浪县 · 省外到位资金 ·
// 20.85 → 31.2 亿元 (+49.6%), not 620622 funds_in 31.2.
func (s *Server) heldNames(r *http.Request, v *heldView) error {
	ctx := r.Context()
	units, err := s.unitNames(ctx)
	if err != nil {
		return err
	}
	byCode, err := s.indicatorsByCode(ctx)
	if err != nil {
		return err
	}
	lang := pageLang(r)
	f := store.ObservationFilter{Periods: []string{v.Held.Period}}
	for _, c := range v.Cells {
		f.Units = append(f.Units, c.Unit)
		f.Indicators = append(f.Indicators, c.Indicator)
	}
	old := map[workflow.Key]float64{}
	if len(v.Cells) > 0 {
		obs, err := s.db.Observations(ctx, f)
		if err != nil {
			return err
		}
		for _, o := range obs {
			old[workflow.Key{Unit: o.Unit, Indicator: o.Indicator}] = o.Value
		}
	}
	for i := range v.Cells {
		c := &v.Cells[i]
		c.UnitName = units[c.Unit].Name
		if ind, ok := byCode[c.Indicator]; ok {
			c.IndicatorName, c.Measure = pickLang(lang, ind.NameZH, ind.NameEN), ind.Unit
		}
		c.Old, c.Change, c.ChangePct = math.NaN(), math.NaN(), math.NaN()
		if o, ok := old[workflow.Key{Unit: c.Unit, Indicator: c.Indicator}]; ok {
			c.Old, c.Change = o, c.Value-o
			if o != 0 {
				c.ChangePct = 100 * (c.Value - o) / math.Abs(o)
			}
		}
	}
	return nil
}

// heldPage groups a held import's findings by cell.
func heldPage(p store.PendingImport, lang locale.Lang, texts map[string]string) *heldView {
	v := &heldView{Held: p}
	index := map[workflow.Key]int{}
	for _, f := range p.Findings {
		k := workflow.Key{Unit: f.Unit, Indicator: f.Indicator}
		i, ok := index[k]
		if !ok {
			i = len(v.Cells)
			index[k] = i
			c := heldCell{Field: cellField(f.Unit, f.Indicator), Place: f.Place, Unit: f.Unit, Indicator: f.Indicator}
			if f.Value != nil {
				c.Value = *f.Value
			}
			c.Text = texts[c.Field]
			v.Cells = append(v.Cells, c)
		}
		msg := f.MessageZH
		if lang == locale.EN {
			msg = f.MessageEN
		}
		v.Cells[i].Messages = append(v.Cells[i].Messages, msg)
	}
	return v
}

// collectionHeldPost commits a held upload with the explanations typed; a
// missing explanation brings the page back (422) with what is missing and
// what was typed.
func (s *Server) collectionHeldPost(w http.ResponseWriter, r *http.Request) error {
	p, err := s.heldImport(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return invalidErr(err, "bad.form")
	}
	texts := map[workflow.Key]string{}
	typed := map[string]string{}
	for _, f := range p.Findings {
		field := cellField(f.Unit, f.Indicator)
		typed[field] = r.PostFormValue(field)
		texts[workflow.Key{Unit: f.Unit, Indicator: f.Indicator}] = typed[field]
	}
	rev, err := s.commitHeld(r, p, texts)
	if err == nil {
		http.Redirect(w, r, "/collection?imported="+strconv.FormatInt(rev.ID, 10)+"&period="+url.QueryEscape(p.Period), http.StatusSeeOther)
		return nil
	}
	lang := pageLang(r)
	e := asError(err, lang)
	if e.Code != EUnprocessable {
		return err
	}
	v := heldPage(p, lang, typed)
	if err := s.heldNames(r, v); err != nil {
		return err
	}
	v.ErrorMsg, v.Errors = locale.M("workflow.unexplained", len(e.Cells)).In(lang), details(e.Cells, lang)
	s.render(w, r, statusOf[e.Code], "collection_import", v)
	return nil
}

// collectionHeldCancel drops a held upload.
func (s *Server) collectionHeldCancel(w http.ResponseWriter, r *http.Request) error {
	p, err := s.heldImport(r)
	if err != nil {
		return err
	}
	if err := s.db.CancelImport(r.Context(), callerOf(r).actor(), p.ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/collection?done=cancel&period="+url.QueryEscape(p.Period), http.StatusSeeOther)
	return nil
}

func init() {
	registerUI(map[string][2]string{
		"held.title":        {"填写审核说明", "Explain the flagged figures"},
		"held.intro":        {"报送 #%d（%s，%s 期，共 %d 个数值）触发了提示性审核规则，尚未导入。请逐项说明原因；全部说明后整表作为一个数据版本导入，说明与数值一并保存。", "Upload #%d (%s, %s, %d figures) was flagged by soft check rules and is not imported yet. Explain each flagged figure; the table then goes in as one revision, each explanation kept with its figure."},
		"held.place":        {"位置", "Cell"},
		"held.unit":         {"单位", "Unit"},
		"held.ind":          {"指标", "Indicator"},
		"held.value":        {"报送数值", "Uploaded value"},
		"held.old":          {"现有数值", "Stored value"},
		"held.change":       {"变化", "Change"},
		"held.new":          {"新增", "new"},
		"held.st.pending":   {"待说明", "waiting for explanations"},
		"held.st.committed": {"已导入", "imported"},
		"held.st.cancelled": {"已撤销", "cancelled"},
		"held.why":          {"审核提示", "What the rules say"},
		"held.explain":      {"说明", "Explanation"},
		"held.submit":       {"提交说明并导入", "Explain and import"},
		"held.cancel":       {"撤销本次报送", "Cancel this upload"},
		"held.state":        {"本次报送状态：%s", "This upload is %s"},
	})
}
