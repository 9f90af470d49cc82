package web

import (
	"net/http"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// lifecyclePost is POST /runs/{id}/lifecycle, the forms of the lifecycle
// page, told apart by their "op" field: state (the next step; to 公示 with
// the window's days; to approved with the meeting's record), window, doc
// (文号), visibility, rerun, register (an objection that arrived by letter
// or phone), answer (an objection). Each checks the same permission as its API twin and goes
// back to the page (303) — to the new run's page after a re-run.
func (s *Server) lifecyclePost(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	c := callerOf(r)
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	run, err := s.readableRun(r, id)
	if err != nil {
		return err
	}
	res := runResource(run)
	switch op := r.PostFormValue("op"); op {
	case "state":
		to := auth.RunState(r.PostFormValue("state"))
		if !to.Valid() {
			return invalid("bad.runState", to, auth.RunStates)
		}
		if to == auth.StateNotice && run.State == auth.StateReview && r.PostFormValue("start") != "" {
			if err := require(c, auth.Notice, res, "run"); err != nil {
				return err
			}
			start, end, err := formWindow(r)
			if err != nil {
				return err
			}
			if _, err = s.db.StartNotice(ctx, c.actor(), id, start, end, r.PostFormValue("note")); err != nil {
				return lifecycleError(err)
			}
			break
		}
		if _, err := s.moveRun(r, c, run, to, r.PostFormValue("note"), formApproval(r)); err != nil {
			return err
		}
	case "window", "doc", "visibility":
		if err := require(c, auth.Write, res, "run"); err != nil {
			return err
		}
		switch op {
		case "window":
			start, end, err := formWindow(r)
			if err != nil {
				return err
			}
			err = lifecycleError(s.db.SetNoticeWindow(ctx, c.actor(), id, start, end))
		case "doc":
			err = s.db.SetDocNumber(ctx, c.actor(), id, r.PostFormValue("doc"))
		default:
			err = s.db.SetVisibility(ctx, c.actor(), id, auth.Visibility(r.PostFormValue("visibility")))
		}
		if err != nil {
			return err
		}
	case "rerun":
		if err := require(c, auth.Write, auth.Resource{Kind: auth.KindRun, RunState: auth.StateDraft, Visibility: auth.VisNone}, "runs"); err != nil {
			return err
		}
		nr, err := s.rerun(ctx, c.actor(), run, r.PostFormValue("note"))
		if err != nil {
			return err
		}
		lifecycleRedirect(w, r, nr.ID)
		return nil
	case "register":
		if _, err := s.raiseResultObjection(r, id, resultObjectionRequest{Unit: r.PostFormValue("unit"),
			Reason: r.PostFormValue("reason"), Attachment: r.PostFormValue("attachment"), Channel: r.PostFormValue("channel"),
			SubmitterKind: r.PostFormValue("submitter_kind"), Submitter: r.PostFormValue("submitter"),
			Letter: r.PostFormValue("letter")}); err != nil {
			return err
		}
	case "answer":
		oid, err := strconv.ParseInt(r.PostFormValue("objection"), 10, 64)
		if err != nil {
			return invalid("bad.objectionID", r.PostFormValue("objection"))
		}
		if _, err := s.answerResultObjection(r, id, oid, resultAnswerRequest{Outcome: r.PostFormValue("outcome"),
			Answer: r.PostFormValue("answer")}); err != nil {
			return err
		}
	default:
		return invalid("bad.op", op)
	}
	lifecycleRedirect(w, r, id)
	return nil
}

// resultObjectionsView is the data of lifecycle_objections.html: a unit's
// objections to its results in a run, and the form to raise one.
type resultObjectionsView struct {
	Unit       store.Unit
	Run        store.Run
	Life       store.Lifecycle
	Open       bool
	MayObject  bool
	Objections []store.ResultObjection
	Done       bool
}

// countyObjectionsGet is GET /counties/{code}/objections?run=: the unit's
// objections in the run (else in the newest run the caller may read its
// result in), for those who may read its result; with the form while the
// run's 公示 window is open and the caller may object for the unit.
func (s *Server) countyObjectionsGet(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	code := r.PathValue("code")
	unit, err := s.db.Unit(ctx, code)
	if err != nil {
		return err
	}
	run, _, _, ok, err := s.countyRun(r, code)
	if err != nil {
		return err
	}
	if !ok {
		return deny(callerOf(r), "read the results of "+code)
	}
	res, err := s.unitResource(ctx, auth.KindResult, code)
	if err != nil {
		return err
	}
	res.RunState, res.Visibility = run.State, auth.VisNone
	p := callerOf(r).principal()
	if err := require(callerOf(r), auth.Read, res, "the objections of "+code); err != nil {
		return err
	}
	v := resultObjectionsView{Unit: unit, Run: run, Done: r.URL.Query().Get("done") == "1"}
	if v.Life, err = s.db.Lifecycle(ctx, run.ID); err != nil {
		return err
	}
	v.Open = (run.State == auth.StateNotice || run.State == auth.StateObjections) && v.Life.SupersededBy == 0 && v.Life.Open(s.now())
	res.RunState = auth.StateNotice
	v.MayObject = auth.Can(p, auth.Object, res)
	if v.Objections, err = s.db.ResultObjections(ctx, store.ResultObjectionFilter{RunID: run.ID, Units: []string{code}}); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "lifecycle_objections", v)
	return nil
}

// countyObjectionsPost is POST /counties/{code}/objections: the form of
// the county profile and of the objections page (fields run, reason,
// attachment). Outside the window the answer is a page naming its days.
func (s *Server) countyObjectionsPost(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	id, err := strconv.ParseInt(r.PostFormValue("run"), 10, 64)
	if err != nil || id <= 0 {
		return invalid("bad.runID", r.PostFormValue("run"))
	}
	if _, err := s.raiseResultObjection(r, id, resultObjectionRequest{Unit: code, Reason: r.PostFormValue("reason"),
		Attachment: r.PostFormValue("attachment")}); err != nil {
		return err
	}
	http.Redirect(w, r, "/counties/"+code+"/objections?run="+itoa(int(id))+"&done=1", http.StatusSeeOther)
	return nil
}
