package web

import (
	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

func init() {
	registerUI(map[string][2]string{
		"life.box":        {"成绩单与异议", "Score sheet and objections"},
		"life.objectHow":  {"公示期内，本县（市、区）可对本县评价结果提出异议，并写明理由；异议期以外提交将被拒绝。", "During the public notice (公示) this county may object to its result, giving its reasons; outside the window objections are refused."},
		"life.reason":     {"异议理由", "Reason"},
		"life.attachment": {"附件（文件名或文号，可选）", "Attachment (a file name or document number, optional)"},
		"life.objectGo":   {"提出异议", "Object"},
		"life.objList":    {"本县异议及答复", "This county's objections and answers"},
		"life.objTitle":   {"%s 对评价结果的异议", "%s: objections to the results"},
		"life.sent":       {"异议已提交，等待答复。", "The objection was sent; it awaits an answer."},
		"life.windowIs":   {"公示期：%s 至 %s", "Public notice: %s to %s"},
		"life.byLetter":   {"公示期内对评价结果有异议的，单位请以加盖公章的函件、个人请以实名来函或来电向省县域经济办提出，由经办人员登记并答复；不受理匿名异议。", "During the public notice (公示), objections to the results reach the office by a stamped letter from a unit, or by letter or phone from a person giving her real name; the office registers and answers them. Anonymous objections are not taken."},
	})
}

// objectionBox is the argument of the "lifecycle_box" template on the
// county profile: the score sheet's links for those who may have it, and
// the objection form while the run is in 公示 for those who may object.
type objectionBox struct {
	Code      string
	RunID     int64
	Sheet     bool
	MayObject bool
	Letter    bool // the run is in 公示: say how an objection reaches the office
}

// ObjectionBox is the lifecycle box of unit in run for the page's user
// ({{template "lifecycle_box" ($p.ObjectionBox .Unit .Run)}}). The form
// is shown in 公示 and objection handling; the store still checks the
// window's days when it is sent.
func (p *Page) ObjectionBox(unit store.Unit, run store.Run) objectionBox {
	b := objectionBox{Code: unit.Code, RunID: run.ID, Letter: run.State == auth.StateNotice}
	if p.User == nil || run.ID == 0 {
		return b
	}
	u := p.User.Principal()
	b.Sheet = maySheet(u, unit.Code)
	open := run.State == auth.StateNotice || run.State == auth.StateObjections
	b.MayObject = open && (u.Role == auth.RoleCounty || u.Role == auth.RolePrefecture) &&
		auth.Can(u, auth.Object, auth.Resource{Kind: auth.KindResult, Unit: unit.Code, Prefecture: unit.Parent, RunState: run.State})
	return b
}

// runChain is the argument of the "lifecycle_chain" template on /runs:
// the run's parent and re-runs among the listed runs.
type runChain struct {
	ID       int64
	Parent   int64
	Children []int64
}

// Chain is the chain of re-runs of run id among the listed runs
// ({{template "lifecycle_chain" ($.Data.Chain .Run.ID)}}).
func (v runsView) Chain(id int64) runChain {
	c := runChain{ID: id}
	for _, row := range v.Rows {
		if row.Run.ID == id {
			c.Parent = row.Run.ParentID
		}
		if row.Run.ParentID == id {
			c.Children = append(c.Children, row.Run.ID)
		}
	}
	return c
}
