package web

import (
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
)

func init() {
	registerUI(map[string][2]string{
		"life.title":            {"评价批次 #%d 的发布流程", "Run #%d: the way to publication"},
		"life.steps":            {"计算 → 审核 → 公示 → 异议处理 → 批准 → 发布", "compute → review → public notice → objections → approval → publication"},
		"life.chain":            {"重算链", "Re-runs"},
		"life.parent":           {"重算自 #%d", "re-run of #%d"},
		"life.rerunAs":          {"已重算为 #%d", "re-run as #%d"},
		"life.superseded":       {"已被取代", "superseded"},
		"life.window":           {"公示期", "Public notice (公示)"},
		"life.noWindow":         {"未设定", "not set"},
		"life.from":             {"起", "from"},
		"life.to":               {"止", "to"},
		"life.open":             {"异议受理中", "objections open"},
		"life.closed":           {"异议未受理", "objections closed"},
		"life.startNotice":      {"进入公示", "Start the public notice"},
		"life.setWindow":        {"修改公示期", "Change the window"},
		"life.doc":              {"文号", "Document number (文号)"},
		"life.setDoc":           {"保存文号", "Save"},
		"life.vis":              {"公开范围", "Visibility"},
		"life.rerun":            {"数据更正后重算", "Re-run after corrections"},
		"life.rerunHow":         {"按最新数据重新计算本批次，新批次引用本批次，本批次标记为已被取代。", "Compute this run again on the latest data: the new run references this one, which is marked superseded."},
		"life.objections":       {"对评价结果的异议", "Objections to the results"},
		"life.none":             {"暂无异议。", "No objections."},
		"life.answerGo":         {"答复", "Answer"},
		"life.upheld":           {"异议成立", "Upheld"},
		"life.rejected":         {"异议不成立", "Rejected"},
		"life.outputs":          {"输出", "Outputs"},
		"life.docx":             {"通报（Word）", "Notice (Word)"},
		"life.zip":              {"各县成绩单（ZIP）", "All score sheets (ZIP)"},
		"life.done":             {"已保存。", "Saved."},
		"life.flow":             {"流程", "Lifecycle"},
		"life.unit":             {"县区", "County"},
		"life.owed":             {"待补报数据", "Figures owed by departments"},
		"life.subs":             {"正式报送（本结果的依据）", "Formal submissions (the evidence behind this result)"},
		"life.subsHow":          {"部门报送函与县区确认表，均附盖章函件、责任领导和联系人；部门报送按本期列出，县区确认按本批次列出。", "The departments' supply letters and the counties' confirmations, each with its stamped letter, responsible leader and contact: supplies of the period, confirmations of this run."},
		"life.subKind":          {"类型", "Kind"},
		"life.subFrom":          {"报送单位", "From"},
		"life.subLeader":        {"责任领导", "Responsible leader"},
		"life.subContact":       {"联系人", "Contact"},
		"life.subSigned":        {"函件日期", "Letter dated"},
		"life.subLetter":        {"盖章函件", "Stamped letter"},
		"life.sub.supply":       {"部门报送", "department supply"},
		"life.sub.confirmation": {"县区确认", "county confirmation"},
		"life.owedHow":          {"以下数据由部门提供但尚未报送，本批次不得进入公示；补报后请重算。", "These figures are owed by the departments that provide them: the run cannot go to public notice; have them supplied, then re-run."},
		"life.indicator":        {"指标", "Indicator"},
		"life.department":       {"报送部门", "Providing department"},
		"life.meeting":          {"会议", "Meeting"},
		"life.minuteNo":         {"纪要号", "Minutes' number (纪要号)"},
		"life.meetingDate":      {"会议日期", "Meeting day"},
		"life.approveGo":        {"批准", "Approve"},
		"life.approval":         {"批准记录：%s %s（%s），批准人 %s", "Approved: %s, minutes %s (%s), by %s"},
		"life.register":         {"登记异议（来函或来电）", "Register an objection (letter or phone)"},
		"life.channel":          {"方式", "By"},
		"life.letterCh":         {"来函", "letter"},
		"life.phoneCh":          {"来电", "phone"},
		"life.fromUnit":         {"单位（须盖章函件）", "a unit (stamped letter)"},
		"life.fromPerson":       {"个人（须实名）", "a person (real name)"},
		"life.submitter":        {"来文单位或实名", "Unit or real name"},
		"life.letterRef":        {"函件文号", "Letter's reference"},
		"life.carried":          {"由批次异议 #%d 转入", "carried over from objection #%d"},
		"life.correction":       {"更正：本批次取代批次 #%d", "Correction: this run supersedes run #%d"},
		"life.gained":           {"新增", "gained"},
		"life.lost":             {"取消", "lost"},
	})
}

// lifecycleView is the data of lifecycle.html.
type lifecycleView struct {
	Run        store.Run
	Info       lifecycleJSON
	Life       store.Lifecycle
	Objections []store.ResultObjection
	Owed       []store.OwedFigure // figures departments owe: no 公示 until supplied
	// Submissions are the formal submissions behind the run: the
	// departments' stamped supply letters for its period and the counties'
	// confirmations of it or of the runs it re-runs (issue 13).
	Submissions []store.FormalSubmission
	Indicators  map[string]string // the owed indicators' names in the page's language
	Names       map[string]string
	Staff       bool // may change the run (analyst, administrator)
	Next        auth.RunState
	CanPublish  bool
	Register    bool     // may register objections now (the 公示 window is open)
	Meetings    []string // the meetings an approval may name
	Vis         []auth.Visibility
	Today       string
	WeekLater   string
	Done        bool
	Err         string
}

// lifecycleGetPage is GET /runs/{id}/lifecycle: a run's way from review
// through 公示 and objections to publication — its window, document
// number, visibility, chain of re-runs, the objections with their answers,
// and the forms for each next step for those who may take it.
func (s *Server) lifecycleGetPage(w http.ResponseWriter, r *http.Request) error {
	v, err := s.lifecycleView(r)
	if err != nil {
		return err
	}
	v.Done = r.URL.Query().Get("done") == "1"
	s.render(w, r, http.StatusOK, "lifecycle", v)
	return nil
}

func (s *Server) lifecycleView(r *http.Request) (*lifecycleView, error) {
	ctx := r.Context()
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	run, err := s.readableRun(r, id)
	if err != nil {
		return nil, err
	}
	v := &lifecycleView{Run: run, Vis: []auth.Visibility{auth.VisNone, auth.VisWinners, auth.VisFull}}
	if v.Info, v.Life, err = s.lifecycleOf(ctx, run); err != nil {
		return nil, err
	}
	p := callerOf(r).principal()
	res := runResource(run)
	v.Staff = auth.Can(p, auth.Write, res) && auth.Can(p, auth.Transition, res)
	if next := nextState(run.State); next != "" && v.Life.SupersededBy == 0 && auth.Can(p, auth.MoveAction(run.State, next), res) {
		v.Next = next
	}
	v.Register = v.Info.ObjectionsOpen && auth.Can(p, auth.Object, auth.Resource{Kind: auth.KindResult, RunState: run.State})
	v.Meetings = []string{store.MeetingLeadingGroup, store.MeetingExecutive}
	units, err := s.objectionScope(r, run)
	if err != nil {
		return nil, err
	}
	if units == nil || len(units) > 0 {
		if v.Objections, err = s.db.ResultObjections(ctx, store.ResultObjectionFilter{RunID: run.ID, Units: units}); err != nil {
			return nil, err
		}
	}
	if v.Owed, err = s.db.OwedFigures(ctx, run.ID); err != nil {
		return nil, err
	}
	subs, err := s.db.FormalSubmissions(ctx, run.Period, 0)
	if err != nil {
		return nil, err
	}
	// A county's confirmation of an earlier run of the chain carries over
	// to its re-runs, as the objections do (issue 12).
	chain := map[int64]bool{run.ID: true}
	for _, c := range v.Info.Chain {
		if c.ID <= run.ID {
			chain[c.ID] = true
		}
	}
	for _, f := range subs {
		if f.Kind == store.SubmissionSupply || chain[f.RunID] {
			v.Submissions = append(v.Submissions, f)
		}
	}
	all, err := s.unitNames(ctx)
	if err != nil {
		return nil, err
	}
	v.Names = map[string]string{}
	for _, o := range v.Objections {
		v.Names[o.Unit] = all[o.Unit].Name
	}
	for _, o := range v.Owed {
		v.Names[o.Unit] = all[o.Unit].Name
	}
	for _, f := range v.Submissions {
		v.Names[f.Unit] = all[f.Unit].Name
	}
	if len(v.Owed) > 0 {
		if v.Indicators, err = s.indicatorNames(r, run.MethodID); err != nil {
			return nil, err
		}
	}
	today := store.Day(s.now())
	v.Today, v.WeekLater = day(today), day(today.AddDate(0, 0, 6))
	return v, nil
}

// indicatorNames names the indicators of stored method id in the page's
// language.
func (s *Server) indicatorNames(r *http.Request, id int64) (map[string]string, error) {
	sm, err := s.db.Method(r.Context(), id)
	if err != nil {
		return nil, err
	}
	m, err := method.Parse(sm.Name, []byte(sm.TOML))
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for code, n := range methodNames(m, pageLang(r) == locale.EN) {
		out[code] = n.Name
	}
	return out, nil
}

// lifecycleRedirect goes back to the lifecycle page of run id after a
// change.
func lifecycleRedirect(w http.ResponseWriter, r *http.Request, id int64) {
	http.Redirect(w, r, "/runs/"+itoa(int(id))+"/lifecycle?done=1", http.StatusSeeOther)
}

// Dates of a form: the first and last day of the window.
func formWindow(r *http.Request) (time.Time, time.Time, error) {
	return windowDays(r.PostFormValue("start"), r.PostFormValue("end"))
}
