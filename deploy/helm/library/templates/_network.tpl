{{/*
Who may talk to a service. Ingress: gRPC only from the release components listed in
networkPolicy.grpcClients, REST (gateway) from networkPolicy.httpFrom, metrics from the global
scrapers. Egress, when restricted: DNS, the in-cluster Kafka/MongoDB if used, the gRPC servers
listed in networkPolicy.grpcServers, and the shared and per-service extra rules.
*/}}
{{- define "gov-lib.networkPolicy" -}}
{{- $g := include "gov-lib.global" . | fromYaml -}}
{{- $np := .Values.networkPolicy -}}
{{- $release := .Release.Name -}}
{{- if $g.networkPolicy.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "gov-lib.fullname" . }}
  labels:
    {{- include "gov-lib.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "gov-lib.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress{{ if $g.networkPolicy.restrictEgress }}, Egress{{ end }}]
  ingress:
    {{- if and .Values.grpc.enabled $np.grpcClients }}
    - from:
        - podSelector:
            matchLabels: { app.kubernetes.io/instance: {{ $release }} }
            matchExpressions:
              - { key: app.kubernetes.io/name, operator: In, values: {{ toJson $np.grpcClients }} }
      ports: [{ port: grpc, protocol: TCP }]
    {{- end }}
    {{- if .Values.http.enabled }}
    - ports: [{ port: http, protocol: TCP }]
      {{- with $np.httpFrom }}
      from:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    {{- end }}
    - ports: [{ port: admin, protocol: TCP }]
      {{- with $g.networkPolicy.metricsFrom }}
      from:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    {{- with $np.extraIngress }}{{ toYaml . | nindent 4 }}{{ end }}
  {{- if $g.networkPolicy.restrictEgress }}
  egress:
    - to:
        - namespaceSelector: {}
          podSelector:
            matchLabels: { k8s-app: kube-dns }
      ports: [{ port: 53, protocol: UDP }, { port: 53, protocol: TCP }]
    {{- if not $g.kafka.brokers }}
    - to:
        - podSelector:
            matchLabels: { app.kubernetes.io/instance: {{ $release }}, app.kubernetes.io/name: kafka }
      ports: [{ port: 9092, protocol: TCP }]
    {{- end }}
    {{- if not $g.mongo.existingSecret }}
    - to:
        - podSelector:
            matchLabels: { app.kubernetes.io/instance: {{ $release }}, app.kubernetes.io/name: mongo }
      ports: [{ port: 27017, protocol: TCP }]
    {{- end }}
    {{- with $np.grpcServers }}
    - to:
        - podSelector:
            matchLabels: { app.kubernetes.io/instance: {{ $release }} }
            matchExpressions:
              - { key: app.kubernetes.io/name, operator: In, values: {{ toJson . }} }
      ports: [{ port: 50051, protocol: TCP }]
    {{- end }}
    {{- with $g.networkPolicy.egress }}{{ toYaml . | nindent 4 }}{{ end }}
    {{- with $np.extraEgress }}{{ toYaml . | nindent 4 }}{{ end }}
  {{- end }}
{{- end }}
{{- end }}

{{/*
Mutual TLS between services through Istio: STRICT on the service ports, PERMISSIVE on the admin
port (Prometheus usually sits outside the mesh) and on the gateway's REST port (the ingress
controller terminates client TLS). Istio rewrites the kubelet probes, the gRPC one included.
*/}}
{{- define "gov-lib.peerAuthentication" -}}
{{- $g := include "gov-lib.global" . | fromYaml -}}
{{- if eq $g.tls.mode "istio" }}
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: {{ include "gov-lib.fullname" . }}
  labels:
    {{- include "gov-lib.labels" . | nindent 4 }}
spec:
  selector:
    matchLabels:
      {{- include "gov-lib.selectorLabels" . | nindent 6 }}
  mtls: { mode: STRICT }
  portLevelMtls:
    9100: { mode: PERMISSIVE }
    {{- if .Values.http.enabled }}
    8080: { mode: PERMISSIVE }
    {{- end }}
{{- end }}
{{- end }}

{{- define "gov-lib.ingress" -}}
{{- $in := .Values.ingress | default dict -}}
{{- if and .Values.http.enabled $in.enabled }}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "gov-lib.fullname" . }}
  labels:
    {{- include "gov-lib.labels" . | nindent 4 }}
  {{- with $in.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- with $in.className }}
  ingressClassName: {{ . }}
  {{- end }}
  {{- with $in.tlsSecretName }}
  tls:
    - hosts: [{{ $in.host | quote }}]
      secretName: {{ . }}
  {{- end }}
  rules:
    - host: {{ $in.host | quote }}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {{ include "gov-lib.fullname" . }}
                port: { name: http }
{{- end }}
{{- end }}
