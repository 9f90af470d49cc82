package web

import (
	"io"
	"math"
	"net/http"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// The workflow of issue 8 — collection tasks, check rules, held imports,
// county objections, event attachments — uses auth.Can with the existing
// kinds rather than kinds of its own:
//
//   - managing collection (tasks, reminders, check rules) is the right to
//     write every figure: Can(Write, observation with no scope), which only
//     the provincial office (administrator, analyst) has;
//   - a department sees its tasks and answers objections to the figures it
//     may write: Can(Write, observation of the indicator's department);
//   - a county (or its prefecture) objects to its figures: Can(Object, …);
//   - reading an objection, an explanation or an attachment is reading the
//     figure (or the event) it belongs to.

// manages reports whether the caller runs the collection: the provincial
// office.
func manages(c *caller) bool {
	return auth.Can(c.principal(), auth.Write, auth.Resource{Kind: auth.KindObservation})
}

// requireManager refuses (401/403) a caller who does not run the collection.
func requireManager(c *caller, what string) error {
	if manages(c) {
		return nil
	}
	return deny(c, what)
}

// suppliesFor reports whether the caller may write the figures of
// department: the department itself, or the provincial office.
func suppliesFor(c *caller, department string) bool {
	return auth.Can(c.principal(), auth.Write, auth.Resource{Kind: auth.KindObservation, Department: department})
}

// today is the current day in China, the calendar of deadlines.
func (s *Server) today() time.Time {
	y, m, d := s.now().In(workflow.China).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// readAttachment reads the optional multipart file field name and checks it
// (type, size); nil when the form has no file there.
func readAttachment(r *http.Request, name string) (*store.NewAttachment, error) {
	f, hdr, err := r.FormFile(name)
	if err == http.ErrMissingFile {
		return nil, nil
	}
	if err != nil {
		return nil, invalidErr(err, "bad.attachment")
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, workflow.MaxAttachment+1))
	if err != nil {
		return nil, invalidErr(err, "bad.attachment")
	}
	base, typ, err := workflow.CheckAttachment(hdr.Filename, b)
	if err != nil {
		e := errorf(EInvalid, "workflow.attachment", workflow.AttachmentTypes, workflow.MaxAttachment>>20)
		e.Err = err // which rule it broke, for the log
		return nil, e
	}
	return &store.NewAttachment{Name: base, ContentType: typ, Content: b}, nil
}

// parseOptionalNumber reads a number field that may be empty (NaN).
func parseOptionalNumber(name, s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return math.NaN(), nil
	}
	v, ok := table.ParseNumber(s)
	if !ok || math.IsNaN(v) {
		return 0, invalid("bad.number", name, s)
	}
	return v, nil
}

func init() {
	locale.Register(map[string][2]string{
		"workflow.attachment":  {"附件不可用：类型或大小不符（允许的类型：%s，不超过 %d MB）", "attachment refused: wrong type or size (accepted: %s, at most %d MB)"},
		"workflow.unexplained": {"以下 %d 处数据触发审核提示，须逐项填写说明后才能接收", "%d flagged figures need a written explanation before they are accepted"},
		"workflow.explainCell": {"须填写说明：%s", "needs an explanation: %s"},
	})
}
