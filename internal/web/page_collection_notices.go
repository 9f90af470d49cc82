package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// dataNotices is what the data page shows a department, a prefecture or a
// county of the workflow: the newest reminders, objections and answers
// addressed to her. The page must not fail for want of them, so an error
// shows none (and is logged).
func (s *Server) dataNotices(r *http.Request) []store.Notification {
	p := callerOf(r).principal()
	if p.Role != auth.RoleDepartment && p.Role != auth.RolePrefecture && p.Role != auth.RoleCounty {
		return nil
	}
	ns, err := s.notificationsFor(r, 10)
	if err != nil {
		s.logError(r, "reading notifications", err)
		return nil
	}
	return ns
}

// workflowMenu is the menu's workflow entries a user may open: the
// collection for the office and the departments, the confirmation for
// everyone who works with figures, the events register likewise.
func workflowMenu(u *store.User) []menuItem {
	if u == nil || u.Role == auth.RoleViewer {
		return nil
	}
	var items []menuItem
	if u.Role == auth.RoleAdmin || u.Role == auth.RoleAnalyst || u.Role == auth.RoleDepartment {
		items = append(items, menuItem{Key: "collection", Href: "/collection", Label: "nav.collection"})
	}
	return append(items, menuItem{Key: "confirm", Href: "/confirm", Label: "nav.confirm"},
		menuItem{Key: "events", Href: "/events", Label: "nav.events"})
}

func init() {
	registerUI(map[string][2]string{
		"data.notices":    {"通知", "Notifications"},
		"data.noticesHow": {"数据采集的催报、异议和答复（系统内通知，不发送电子邮件）。", "Reminders, objections and answers of the collection (shown here; no e-mail is sent)."},
	})
}
