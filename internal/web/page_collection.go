package web

import (
	"net/http"
	"slices"
	"time"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// collectionView is the collection page (/collection?period=): for the
// provincial office the status board of every task with reminders, the
// creation of a period's tasks and the check rules; for a department its
// tasks, its template, the checked upload, its held imports and its
// notifications.
type collectionView struct {
	Period     string
	Periods    []string
	Manager    bool
	Department string
	Today      string
	Tasks      []collectionTask
	Summary    map[string]int
	Notices    []store.Notification
	Held       []store.PendingImport
	Rules      []workflow.Rule
	Methods    []store.Method
	Imported   string   // the revision of a clean upload
	Done       string   // what the last form did: tasks, remind, rule
	Errors     []Detail // the problems of a rejected upload, each at its cell
	ErrorMsg   string
	Formal     *formalForm // a department's formal supply, with the stamped letter
}

// collectionTask is a task's row: its supply and its indicator's names.
type collectionTask struct {
	store.TaskSupply
	Name, Measure string
	Formal        string // the day of the department's stamped supply letter for the period, "" when none
}

// StatusClass is the badge colour of a task's status.
func (t collectionTask) StatusClass() string {
	switch t.Status {
	case workflow.TaskSupplied:
		return "advanced"
	case workflow.TaskLate:
		return "rising"
	case workflow.TaskMissing:
		return "top"
	}
	return "other"
}

// collectionPage renders the collection page.
func (s *Server) collectionPage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	v := &collectionView{Period: q.Get("period"), Imported: q.Get("imported"), Done: q.Get("done")}
	if err := s.buildCollection(r, v); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "collection", v)
	return nil
}

// buildCollection fills the page for the caller: the office or a
// department; anyone else is refused.
func (s *Server) buildCollection(r *http.Request, v *collectionView) error {
	ctx, c := r.Context(), callerOf(r)
	v.Manager = manages(c)
	if !v.Manager {
		if c.user.Department == "" || !suppliesFor(c, c.user.Department) {
			return deny(c, "the collection")
		}
		v.Department = c.user.Department
	}
	v.Today = day(s.today())
	tasks, err := s.db.Tasks(ctx, store.TaskFilter{Department: v.Department})
	if err != nil {
		return err
	}
	for _, t := range tasks {
		if !slices.Contains(v.Periods, t.Period) {
			v.Periods = append(v.Periods, t.Period)
		}
	}
	slices.Sort(v.Periods)
	slices.Reverse(v.Periods)
	if v.Period == "" && len(v.Periods) > 0 {
		v.Period = v.Periods[0]
	}
	tasks = slices.DeleteFunc(tasks, func(t store.Task) bool { return t.Period != v.Period })
	sup, err := s.db.Supply(ctx, tasks, s.now())
	if err != nil {
		return err
	}
	byCode, err := s.indicatorsByCode(ctx)
	if err != nil {
		return err
	}
	// The departments that have formally submitted the period (a stamped
	// supply letter with the responsible leader, issue 13).
	formal := map[string]string{}
	subs, err := s.db.FormalSubmissions(ctx, v.Period, 0)
	if err != nil {
		return err
	}
	for _, f := range subs {
		if f.Kind == store.SubmissionSupply {
			formal[f.Department] = f.Signed.Format(time.DateOnly)
		}
	}
	v.Summary = map[string]int{}
	for _, t := range sup {
		v.Tasks = append(v.Tasks, collectionTask{TaskSupply: t, Name: pickLang(pageLang(r), byCode[t.Indicator].NameZH, byCode[t.Indicator].NameEN),
			Measure: byCode[t.Indicator].Unit, Formal: formal[t.Department]})
		v.Summary[string(t.Status)]++
	}
	if v.Notices, err = s.notificationsFor(r, 20); err != nil {
		return err
	}
	user := c.user.Username
	if v.Manager {
		user = ""
	}
	if v.Held, err = s.db.PendingImports(ctx, user, ""); err != nil {
		return err
	}
	if v.Rules, err = s.db.CheckRules(ctx); err != nil {
		return err
	}
	if v.Manager {
		if v.Methods, err = s.db.Methods(ctx); err != nil {
			return err
		}
		return nil
	}
	periods := v.Periods
	if len(periods) == 0 {
		if periods, err = s.periodCodes(r); err != nil {
			return err
		}
	}
	v.Formal, err = s.supplyForm(r, v.Department, v.Period, periods)
	return err
}

func init() {
	registerUI(map[string][2]string{
		"nav.collection":       {"数据采集", "Collection"},
		"nav.confirm":          {"数据核对", "Check figures"},
		"nav.events":           {"事件登记", "Events"},
		"coll.title":           {"数据采集", "Data collection"},
		"coll.period":          {"期间", "Period"},
		"coll.show":            {"查看", "Show"},
		"coll.none":            {"该期间还没有采集任务。", "There are no collection tasks for this period yet."},
		"coll.board":           {"采集任务", "Collection tasks"},
		"coll.summary":         {"按期报送 %d · 逾期报送 %d · 逾期未报 %d · 进行中 %d", "supplied %d · late %d · missing %d · open %d"},
		"coll.dept":            {"提供部门", "Department"},
		"coll.indicator":       {"指标", "Indicator"},
		"coll.deadline":        {"截止日期", "Deadline"},
		"coll.units":           {"已报单位", "Units supplied"},
		"coll.status":          {"状态", "Status"},
		"coll.actions":         {"操作", "Actions"},
		"coll.status.open":     {"进行中", "open"},
		"coll.status.supplied": {"按期报送", "supplied"},
		"coll.status.late":     {"逾期报送", "late"},
		"coll.status.missing":  {"逾期未报", "missing"},
		"coll.remind":          {"催报", "Remind"},
		"coll.remindHow":       {"催报在系统内提醒该部门（显示在其“数据采集”和“数据”页面），并记入审计日志；系统离线运行，不发送电子邮件。", "A reminder is shown to the department in the application (on its Collection and Data pages) and written to the audit log; the system runs offline and sends no e-mail."},
		"coll.form":            {"逐县填报", "Fill in by county"},
		"coll.create":          {"创建采集任务", "Create collection tasks"},
		"coll.createHow":       {"按评价办法的指标目录（派生指标除外）或所列指标代码，为每个指标创建一项任务，由其提供部门负责；已有任务改为新的截止日期。", "One task per indicator of the method's catalogue (derived indicators excepted), or of the codes listed, owned by its providing department; existing tasks get the new deadline."},
		"coll.method":          {"评价办法", "Method"},
		"coll.codes":           {"或指标代码（逗号分隔）", "or indicator codes (comma-separated)"},
		"coll.createGo":        {"创建", "Create"},
		"coll.upload":          {"上传报送表（经审核规则检查）", "Upload (checked by the rules)"},
		"coll.uploadHow":       {"先逐格检查，再执行审核规则：违反强制性规则的整表退回并列出单元格；触发提示性规则的数据暂存，逐项填写说明后才接收。", "Every cell is checked, then the check rules: a table breaking a hard rule is returned with its cells listed; figures flagged by a soft rule are held until each is explained."},
		"coll.template":        {"下载模板", "Download the template"},
		"coll.held":            {"待说明的报送", "Uploads waiting for explanations"},
		"coll.heldRow":         {"#%d %s（%s 期，%d 处提示）", "#%d %s (%s, %d flagged)"},
		"coll.notices":         {"通知", "Notifications"},
		"coll.rules":           {"审核规则", "Check rules"},
		"coll.formal":          {"正式报送", "Formal submission"},
		"coll.formalYes":       {"已报送函件（%s）", "letter of %s"},
		"rule.kind.bounds":     {"取值范围", "bounds"},
		"rule.kind.sum":        {"分项之和", "sum of parts"},
		"rule.kind.change":     {"较上年变动", "change on last year"},
		"rule.kind.history":    {"历史区间", "historic range"},
		"rule.kind.ratio":      {"两指标之比", "ratio of two indicators"},
		"rule.kind.rollup":     {"县区合计与上级数", "counties against the reported total"},
		"rule.kind.growth_gap": {"增速差", "growth gap"},
		"rule.sev.hard":        {"强制性", "hard"},
		"rule.sev.soft":        {"提示性", "soft"},
		"coll.rulesHow":        {"强制性规则不通过则整表不导入；提示性规则须填写说明。规则保存在数据库中，由分析人员维护，只停用不删除。", "Hard rules block the whole upload; soft rules need a written explanation. The rules are kept in the database, kept by the analysts, and disabled rather than deleted."},
		"coll.ruleName":        {"名称", "Name"},
		"coll.ruleKind":        {"类型", "Kind"},
		"coll.ruleSeverity":    {"级别", "Severity"},
		"coll.ruleTarget":      {"指标", "Indicators"},
		"coll.ruleParams":      {"参数", "Settings"},
		"coll.ruleAll":         {"全部指标", "all indicators"},
		"coll.ruleOn":          {"启用", "enabled"},
		"coll.ruleOff":         {"已停用", "disabled"},
		"coll.ruleToggleOff":   {"停用", "Disable"},
		"coll.ruleToggleOn":    {"启用", "Enable"},
		"coll.ruleAdd":         {"新增规则", "Add a rule"},
		"coll.ruleOther":       {"另一指标（比值的分母；增速差中减去其增速的指标）", "Other indicator (ratio: the denominator; growth gap: the one subtracted)"},
		"coll.ruleParts":       {"分项指标（合计，逗号分隔）", "Parts (sum, comma-separated)"},
		"coll.ruleLo":          {"下限", "Lower bound"},
		"coll.ruleHi":          {"上限", "Upper bound"},
		"coll.ruleThreshold":   {"阈值（变动、区间放宽或合计容差，如 0.3）", "Threshold (change, margin or sum tolerance, e.g. 0.3)"},
		"coll.imported":        {"已接收，保存为数据版本 #%s。", "Accepted as revision #%s."},
		"coll.rejected":        {"没有导入任何数据。请改正以下问题后重新上传：", "Nothing was imported. Correct these problems and upload again:"},
		"coll.done.tasks":      {"采集任务已保存。", "The tasks are saved."},
		"coll.done.remind":     {"已发送系统内催报提醒，并记入审计日志。", "The reminder is recorded and shown to the department."},
		"coll.done.rule":       {"审核规则已保存。", "The rule is saved."},
		"coll.done.cancel":     {"暂存的报送已撤销，未导入任何数据。", "The held upload is cancelled; nothing was imported."},
	})
}
