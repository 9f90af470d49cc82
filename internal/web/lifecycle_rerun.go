package web

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/evaluation"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
)

// rerun computes run parent again on the latest data (after corrections
// that upheld objections called for): the same method and period, ranks
// measured against the same previous run, and parent recorded as its
// parent. An unpublished parent is marked superseded and moves no more;
// a published one stays as it is until the re-run is published, which
// supersedes it and records the correction. The re-run starts as a draft
// with its parent's visibility, document number, and objections with
// their answers (carried over).
func (s *Server) rerun(ctx context.Context, actor store.Actor, parent store.Run, note string) (store.Run, error) {
	if parent.State == auth.StateDraft {
		return store.Run{}, errorf(EConflict, "lifecycle.rerunDraft", parent.ID)
	}
	l, err := s.db.Lifecycle(ctx, parent.ID)
	if err != nil {
		return store.Run{}, err
	}
	if l.SupersededBy != 0 {
		return store.Run{}, errorf(EConflict, "lifecycle.superseded", parent.ID, l.SupersededBy)
	}
	var params evaluation.Params
	if err := json.Unmarshal(parent.Params, &params); err != nil {
		return store.Run{}, err
	}
	run, err := evaluation.Compute(ctx, s.db, actor, evaluation.ComputeRequest{MethodID: parent.MethodID, Period: parent.Period,
		PreviousRunID: params.PreviousRun, ParentRunID: parent.ID, Note: note})
	if err != nil {
		return run, err
	}
	if !parent.State.Final() {
		if err := s.db.MarkSuperseded(ctx, actor, parent.ID, run.ID); err != nil {
			return run, err
		}
	}
	if _, err := s.db.CarryObjections(ctx, actor, parent.ID, run.ID); err != nil {
		return run, err
	}
	if parent.Visibility != run.Visibility {
		if err := s.db.SetVisibility(ctx, actor, run.ID, parent.Visibility); err != nil {
			return run, err
		}
		run.Visibility = parent.Visibility
	}
	if l.DocNumber != "" {
		if err := s.db.SetDocNumber(ctx, actor, run.ID, l.DocNumber); err != nil {
			return run, err
		}
	}
	return run, nil
}

// windowError turns the store's refusal of an objection outside the 公示
// window into a message that names the window's days.
func windowError(err error) error {
	var we *store.WindowError
	if !errors.As(err, &we) {
		return err
	}
	var e *Error
	switch {
	case we.SupersededBy != 0:
		e = errorf(EConflict, "lifecycle.objSuperseded", we.Run, we.SupersededBy)
	case !store.StateTakesObjections(we.State):
		e = errorf(EConflict, "lifecycle.objState", stateName(we.State))
	case we.Start.IsZero():
		e = errorf(EConflict, "lifecycle.noWindow", stateName(we.State))
	default:
		e = errorf(EConflict, "lifecycle.closed", day(we.Start), day(we.End), day(we.Today))
	}
	e.Err = err
	return e
}

// stateName is a run state as a message argument, named in the message's
// language.
type stateName auth.RunState

func (s stateName) Message(lang string) string { return ui(locale.Lang(lang), "state."+string(s)) }

// lifecycleJSON is GET /api/v1/runs/{id}/lifecycle.
type lifecycleJSON struct {
	Run            runJSON         `json:"run"`
	NoticeStart    string          `json:"notice_start"`
	NoticeEnd      string          `json:"notice_end"`
	DocNumber      string          `json:"doc_number"`
	SupersededBy   int64           `json:"superseded_by,omitempty"`
	ObjectionsOpen bool            `json:"objections_open"`
	Chain          []chainJSON     `json:"chain"`
	Approval       *approvalJSON   `json:"approval,omitempty"`
	Correction     *correctionJSON `json:"correction,omitempty"`
}

// approvalJSON is a run's approval record.
type approvalJSON struct {
	Meeting    string    `json:"meeting"`
	MinuteNo   string    `json:"minute_no"`
	Date       string    `json:"meeting_date"`
	Approver   string    `json:"approver"`
	ApprovedAt time.Time `json:"approved_at"`
}

// correctionJSON is the correction a run's publication recorded.
type correctionJSON struct {
	Supersedes int64             `json:"supersedes"`
	Changes    []awardChangeJSON `json:"changes"`
}

type awardChangeJSON struct {
	Unit     string `json:"unit"`
	UnitName string `json:"unit_name"`
	Award    string `json:"award"`
	Change   string `json:"change"` // gained or lost
	Reason   string `json:"reason"`
}

type chainJSON struct {
	ID         int64  `json:"id"`
	Parent     int64  `json:"parent,omitempty"`
	State      string `json:"state"`
	Superseded bool   `json:"superseded"`
}

type resultObjectionJSON struct {
	ID         int64      `json:"id"`
	Run        int64      `json:"run"`
	Unit       string     `json:"unit"`
	Reason     string     `json:"reason"`
	Attachment string     `json:"attachment"`
	RaisedAt   time.Time  `json:"raised_at"`
	RaisedBy   string     `json:"raised_by"`
	Outcome    string     `json:"outcome"`
	Answer     string     `json:"answer"`
	AnsweredBy string     `json:"answered_by"`
	AnsweredAt *time.Time `json:"answered_at"`
	// How it arrived and who sent it (issue 12), and the objection on an
	// earlier run it was carried over from.
	Channel       string `json:"channel"`
	SubmitterKind string `json:"submitter_kind"`
	Submitter     string `json:"submitter"`
	Letter        string `json:"letter"`
	CarriedFrom   int64  `json:"carried_from,omitempty"`
}

func resultObjectionOut(o store.ResultObjection) resultObjectionJSON {
	j := resultObjectionJSON{ID: o.ID, Run: o.RunID, Unit: o.Unit, Reason: o.Reason, Attachment: o.Attachment,
		RaisedAt: o.RaisedAt, RaisedBy: o.RaisedBy, Outcome: string(o.Outcome), Answer: o.Answer, AnsweredBy: o.AnsweredBy,
		Channel: o.Channel, SubmitterKind: o.SubmitterKind, Submitter: o.Submitter, Letter: o.Letter, CarriedFrom: o.CarriedFrom}
	if j.Outcome == "" {
		j.Outcome = "open"
	}
	if !o.AnsweredAt.IsZero() {
		at := o.AnsweredAt
		j.AnsweredAt = &at
	}
	return j
}

// lifecycleOf assembles what the API and the lifecycle page show of run.
func (s *Server) lifecycleOf(ctx context.Context, run store.Run) (lifecycleJSON, store.Lifecycle, error) {
	l, err := s.db.Lifecycle(ctx, run.ID)
	if err != nil {
		return lifecycleJSON{}, l, err
	}
	chain, err := s.db.RunChain(ctx, run.ID)
	if err != nil {
		return lifecycleJSON{}, l, err
	}
	all, err := s.db.Lifecycles(ctx)
	if err != nil {
		return lifecycleJSON{}, l, err
	}
	j := lifecycleJSON{Run: runOut(run), NoticeStart: day(l.NoticeStart), NoticeEnd: day(l.NoticeEnd), DocNumber: l.DocNumber,
		SupersededBy: l.SupersededBy, Chain: []chainJSON{},
		ObjectionsOpen: (run.State == auth.StateNotice || run.State == auth.StateObjections) && l.SupersededBy == 0 && l.Open(s.now())}
	for _, c := range chain {
		j.Chain = append(j.Chain, chainJSON{ID: c.ID, Parent: c.ParentID, State: string(c.State), Superseded: all[c.ID].SupersededBy != 0})
	}
	if a, ok, err := s.db.RunApproval(ctx, run.ID); err != nil {
		return j, l, err
	} else if ok {
		j.Approval = &approvalJSON{Meeting: a.Meeting, MinuteNo: a.MinuteNo, Date: a.Date, Approver: a.Approver, ApprovedAt: a.ApprovedAt}
	}
	if c, ok, err := s.db.RunCorrection(ctx, run.ID); err != nil {
		return j, l, err
	} else if ok {
		j.Correction = &correctionJSON{Supersedes: c.Supersedes, Changes: []awardChangeJSON{}}
		for _, ch := range c.Changes {
			j.Correction.Changes = append(j.Correction.Changes, awardChangeJSON{Unit: ch.Unit, UnitName: ch.UnitName,
				Award: ch.Award, Change: ch.Change, Reason: ch.Reason})
		}
	}
	return j, l, nil
}

func init() {
	locale.Register(map[string][2]string{
		"lifecycle.rerunDraft":    {"批次 #%d 还是草稿：请直接重新计算，不必重算", "run %d is a draft: compute it again instead of re-running it"},
		"lifecycle.superseded":    {"批次 #%d 已被重算批次 #%d 取代", "run %d is superseded by run %d"},
		"lifecycle.noWindow":      {"不在异议期内：该批次未设定公示起止日期（状态：%s）", "objections are closed: the run has no public notice window (state %s)"},
		"lifecycle.objState":      {"该批次处于“%s”阶段，不受理异议：异议只在公示和异议处理阶段受理", "the run is in the state “%s”, which takes no objections: they are taken in public notice and objection handling only"},
		"lifecycle.objSuperseded": {"批次 #%d 已被重算批次 #%d 取代，不再受理异议：请对新批次提出", "run %d is superseded by run %d and takes no more objections: object to the new run"},
		"lifecycle.closed":        {"不在异议期内：异议只能在公示期 %s 至 %s 内提出（今天是 %s）", "objections are closed: they may be raised from %s to %s only (today is %s)"},
		"lifecycle.badDay":        {"日期 %q 不是 YYYY-MM-DD", "date %q is not YYYY-MM-DD"},
	})
}
