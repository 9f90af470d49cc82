package web

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
)

// approvalRequest is the record of the meeting that approved a run, as the
// transitions API, the notice API's twin forms and the lifecycle page send
// it with a move to approved.
type approvalRequest struct {
	Meeting  string `json:"meeting"`      // 领导小组会议 or 省政府常务会议
	MinuteNo string `json:"minute_no"`    // 纪要号
	Date     string `json:"meeting_date"` // YYYY-MM-DD
}

// moveRun moves run to state to for the caller, as the transitions API,
// the /runs buttons and the lifecycle page do. The order of the checks is
// the office's chain (issue 12): first who may (auth.MoveAction: a 403
// whatever the run's state), then the four-eyes rule for approval and
// publication (403), then the lifecycle's rules (409, 422). A move to
// notice opens the default window of workflow.NoticeWorkingDays working
// days from today; a move to approved needs the approval record.
func (s *Server) moveRun(r *http.Request, c *caller, run store.Run, to auth.RunState, note string, ap *approvalRequest) (store.Run, error) {
	action := auth.MoveAction(run.State, to)
	if err := require(c, action, runResource(run), "run"); err != nil {
		return run, err
	}
	if action == auth.Approve || action == auth.Publish {
		if err := s.checkFourEyes(r, c, run.ID); err != nil {
			return run, err
		}
	}
	var err error
	if to == auth.StateApproved {
		var n store.NewApproval
		if n, err = approvalOf(ap, note); err != nil {
			return run, err
		}
		run, err = s.db.Approve(r.Context(), c.actor(), run.ID, n)
	} else {
		run, err = s.db.Transition(r.Context(), c.actor(), run.ID, to, note)
	}
	return run, lifecycleError(err)
}

// checkFourEyes refuses the caller when she computed the run or re-ran it.
func (s *Server) checkFourEyes(r *http.Request, c *caller, id int64) error {
	creators, err := s.db.RunCreators(r.Context(), id)
	if err != nil {
		return err
	}
	if slices.Contains(creators, c.actor().Username) {
		return errorf(EForbidden, "life.fourEyes", id)
	}
	return nil
}

// approvalOf checks an approval request and turns it into the store's.
func approvalOf(ap *approvalRequest, note string) (store.NewApproval, error) {
	if ap == nil || strings.TrimSpace(ap.Meeting) == "" || strings.TrimSpace(ap.MinuteNo) == "" || ap.Date == "" {
		return store.NewApproval{}, errorf(EInvalid, "life.approvalNeeded")
	}
	d, err := time.Parse(time.DateOnly, ap.Date)
	if err != nil {
		return store.NewApproval{}, errorf(EInvalid, "lifecycle.badDay", ap.Date)
	}
	return store.NewApproval{Meeting: strings.TrimSpace(ap.Meeting), MinuteNo: ap.MinuteNo, Date: d, Note: note}, nil
}

// lifecycleError turns the store's refusals of the office's chain into
// messages that say what to do and when.
func lifecycleError(err error) error {
	var no *store.NoticeOpenError
	var sw *store.ShortWindowError
	var fe *store.FourEyesError
	var e *Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &no) && no.End.IsZero():
		e = errorf(EConflict, "life.noticeNoWindow", no.Run)
	case errors.As(err, &no):
		e = errorf(EConflict, "life.noticeOpen", day(no.End), day(no.End.AddDate(0, 0, 1)), day(no.Today))
	case errors.As(err, &sw):
		e = errorf(EInvalid, "life.shortWindow", day(sw.Start), day(sw.End), sw.WorkingDays, sw.Min)
	case errors.As(err, &fe):
		e = errorf(EForbidden, "life.fourEyes", fe.Run)
	default:
		return err
	}
	e.Err = err
	return e
}

func init() {
	locale.Register(map[string][2]string{
		"life.noticeOpen":     {"公示期至 %s 结束，尚未期满：%s 起方可结束公示、进入异议处理（今天是 %s）", "the public notice runs until %s: the run may leave it from %s on (today is %s)"},
		"life.noticeNoWindow": {"批次 #%d 未设定公示期，不能结束公示", "run %d has no public notice window: it cannot leave public notice"},
		"life.shortWindow":    {"公示期 %s 至 %s 只有 %d 个工作日，不得少于 %d 个工作日", "the public notice window %s to %s holds %d working days, fewer than %d"},
		"life.fourEyes":       {"批次 #%d 由您计算或重算，按“四眼原则”不能由您批准或发布", "you computed or re-ran run %d: by the four-eyes rule you may not approve or publish it"},
		"life.approvalNeeded": {"批准须填写会议类型（领导小组会议或省政府常务会议）、纪要号和会议日期", "an approval needs the meeting (the leading group or the provincial executive meeting), its minutes' number and its date"},
	})
}
