package web

import (
	"net/http"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// objectionView is the page of one objection: the figure, the thread with
// its attachments, and the forms the caller may use (answer, comment).
type objectionView struct {
	Objection store.FigureObjection
	UnitName  string
	Indicator store.Indicator
	Thread    []store.ObjectionMessage
	CanAnswer bool
	CanTalk   bool
	Accept    string
}

// objectionPage renders objection {id} to those who may read its figure.
func (s *Server) objectionPage(w http.ResponseWriter, r *http.Request) error {
	ctx, c := r.Context(), callerOf(r)
	o, err := s.objectionFor(r, auth.Read, "read objection")
	if err != nil {
		return err
	}
	v := &objectionView{Objection: o, Accept: workflow.AttachmentTypes}
	if v.Thread, err = s.db.ObjectionThread(ctx, o.ID); err != nil {
		return err
	}
	if v.Indicator, err = s.db.Indicator(ctx, o.Indicator); err != nil {
		return err
	}
	if u, err := s.db.Unit(ctx, o.Unit); err == nil {
		v.UnitName = u.Name
	}
	res, err := s.figureResource(ctx, o.Unit, o.Indicator)
	if err != nil {
		return err
	}
	writes := auth.Can(c.principal(), auth.Write, res)
	v.CanAnswer = writes && o.State == workflow.ObjectionOpen
	v.CanTalk = writes || auth.Can(c.principal(), auth.Object, res)
	s.render(w, r, http.StatusOK, "confirm_objection", v)
	return nil
}

// objectionAnswerPost answers objection {id} from the form (decision,
// value, answer, file) and shows the thread again.
func (s *Server) objectionAnswerPost(w http.ResponseWriter, r *http.Request) error {
	o, err := s.objectionFor(r, auth.Write, "answer objection")
	if err != nil {
		return err
	}
	att, err := parseThreadForm(w, r)
	if err != nil {
		return err
	}
	value, err := parseOptionalNumber("value", r.FormValue("value"))
	if err != nil {
		return err
	}
	if _, err := s.db.AnswerObjection(r.Context(), callerOf(r).actor(), o.ID, workflow.Decision(r.FormValue("decision")),
		value, r.FormValue("answer"), att); err != nil {
		return err
	}
	http.Redirect(w, r, "/confirm/objections/"+strconv.FormatInt(o.ID, 10), http.StatusSeeOther)
	return nil
}

// objectionCommentPost adds a comment to objection {id}'s thread.
func (s *Server) objectionCommentPost(w http.ResponseWriter, r *http.Request) error {
	o, err := s.objectionFor(r, auth.Read, "comment on objection")
	if err != nil {
		return err
	}
	if err := s.mayTalk(r, o); err != nil {
		return err
	}
	att, err := parseThreadForm(w, r)
	if err != nil {
		return err
	}
	if _, err := s.db.CommentObjection(r.Context(), callerOf(r).actor(), o.ID, r.FormValue("body"), att); err != nil {
		return err
	}
	http.Redirect(w, r, "/confirm/objections/"+strconv.FormatInt(o.ID, 10), http.StatusSeeOther)
	return nil
}

func init() {
	registerUI(map[string][2]string{
		"objp.title":        {"异议 #%d", "Objection #%d"},
		"objp.figure":       {"%s（%s）%s 期 %s：%s %s", "%s (%s), %s, %s: %s %s"},
		"objp.proposed":     {"建议数值：%s", "Proposed value: %s"},
		"objp.thread":       {"处理记录", "Thread"},
		"objp.kind.raise":   {"提出异议", "objection"},
		"objp.kind.comment": {"留言", "comment"},
		"objp.kind.keep":    {"答复：维持原数", "answer: kept"},
		"objp.kind.correct": {"答复：更正", "answer: corrected"},
		"objp.revision":     {"数据版本 #%d", "revision #%d"},
		"objp.answer":       {"答复异议", "Answer"},
		"objp.keep":         {"维持原数（异议不成立）", "Keep the figure (objection rejected)"},
		"objp.correct":      {"更正为：", "Correct it to:"},
		"objp.text":         {"答复意见", "Answer"},
		"objp.answerGo":     {"提交答复", "Send the answer"},
		"objp.comment":      {"留言", "Comment"},
		"objp.commentGo":    {"发送", "Send"},
		"objp.file":         {"附件", "Attachment"},
		"objp.back":         {"返回数据核对", "Back to the figures"},
	})
}
