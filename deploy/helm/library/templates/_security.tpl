{{/*
Hardened defaults shared by the services and by the trial Kafka/MongoDB pods. Images run as a
fixed non-root uid and write only to mounted volumes, so the root filesystem can stay read-only.
*/}}

{{/* Takes the uid (int); the gid and fsGroup follow it. */}}
{{- define "gov-lib.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ . }}
runAsGroup: {{ . }}
fsGroup: {{ . }}
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "gov-lib.containerSecurityContext" -}}
allowPrivilegeEscalation: false
privileged: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end }}
