{{- define "gov-lib.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "gov-lib.fullname" . }}
  labels:
    {{- include "gov-lib.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "gov-lib.selectorLabels" . | nindent 4 }}
  ports:
    {{- if .Values.grpc.enabled }}
    # "grpc-" prefix and appProtocol let a mesh balance per request instead of per connection
    - { name: grpc, port: 50051, targetPort: grpc, protocol: TCP, appProtocol: grpc }
    {{- end }}
    {{- if .Values.http.enabled }}
    - { name: http, port: 8080, targetPort: http, protocol: TCP, appProtocol: http }
    {{- end }}
    - { name: admin, port: 9100, targetPort: admin, protocol: TCP, appProtocol: http }
{{- end }}

{{- define "gov-lib.serviceAccount" -}}
{{- if .Values.serviceAccount.create }}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "gov-lib.fullname" . }}
  labels:
    {{- include "gov-lib.labels" . | nindent 4 }}
  {{- with .Values.serviceAccount.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
# the services never talk to the Kubernetes API
automountServiceAccountToken: false
{{- end }}
{{- end }}
