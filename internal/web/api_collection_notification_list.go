package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// collectionNotificationList returns the caller's notifications, newest
// first: her department's, her unit's (a prefecture's: its units'), or all
// of them for the provincial office. Viewers have none (403).
func (s *Server) collectionNotificationList(w http.ResponseWriter, r *http.Request) error {
	ns, err := s.notificationsFor(r, 0)
	if err != nil {
		return err
	}
	out := make([]notificationJSON, len(ns))
	for i, n := range ns {
		out[i] = notificationOut(n)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// notificationsFor reads the caller's notifications (limit 0: the store's
// default).
func (s *Server) notificationsFor(r *http.Request, limit int) ([]store.Notification, error) {
	c := callerOf(r)
	p := c.principal()
	f := store.NotificationFilter{Limit: limit}
	switch {
	case manages(c):
	case p.Role == auth.RoleDepartment:
		f.Department = p.Department
	case p.Role == auth.RolePrefecture:
		f.Prefecture = p.Unit
	case p.Role == auth.RoleCounty:
		f.Unit = p.Unit
	default:
		return nil, deny(c, "read notifications")
	}
	return s.db.Notifications(r.Context(), f)
}

// remind is the reminder shared by the API and the page: the message
// defaults to one naming the task.
func (s *Server) remind(r *http.Request, id int64, message string) (store.Notification, error) {
	task, err := s.db.Task(r.Context(), id)
	if err != nil {
		return store.Notification{}, err
	}
	if message == "" {
		message = "请于 " + day(task.Deadline) + " 前报送 " + task.Period + " 期 " + task.Indicator + " 的数据"
	}
	return s.db.Remind(r.Context(), callerOf(r).actor(), id, message)
}
