{{/*
The service Deployment. Takes the same (dict "ctx" "config" "secrets") as the env templates.
*/}}
{{- define "gov-lib.deployment" -}}
{{- $c := .ctx -}}
{{- $v := $c.Values -}}
{{- $g := include "gov-lib.global" $c | fromYaml -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "gov-lib.fullname" $c }}
  labels:
    {{- include "gov-lib.labels" $c | nindent 4 }}
spec:
  {{- if not $v.autoscaling.enabled }}
  replicas: {{ $v.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate: { maxSurge: 1, maxUnavailable: 0 }
  selector:
    matchLabels:
      {{- include "gov-lib.selectorLabels" $c | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "gov-lib.labels" $c | nindent 8 }}
        {{- if eq $g.tls.mode "istio" }}
        sidecar.istio.io/inject: "true"
        {{- end }}
        {{- with $v.podLabels }}{{ toYaml . | nindent 8 }}{{ end }}
      annotations:
        # roll the pods when their environment changes
        checksum/env: {{ include "gov-lib.configmap" . | sha256sum }}
        {{- with $v.podAnnotations }}{{ toYaml . | nindent 8 }}{{ end }}
    spec:
      serviceAccountName: {{ include "gov-lib.serviceAccountName" $c }}
      automountServiceAccountToken: false
      {{- with $g.image.pullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      {{- with (include "gov-lib.priorityClassName" $c) }}
      priorityClassName: {{ . }}
      {{- end }}
      terminationGracePeriodSeconds: {{ $v.terminationGracePeriodSeconds }}
      securityContext:
        {{- include "gov-lib.podSecurityContext" 10001 | nindent 8 }}
      {{- with (include "gov-lib.scheduling" $c | trim) }}{{ . | nindent 6 }}{{ end }}
      containers:
        - name: {{ include "gov-lib.name" $c }}
          image: {{ include "gov-lib.image" $c }}
          imagePullPolicy: {{ $v.image.pullPolicy | default $g.image.pullPolicy }}
          ports:
            {{- if $v.grpc.enabled }}
            - { name: grpc, containerPort: 50051, protocol: TCP }
            {{- end }}
            {{- if $v.http.enabled }}
            - { name: http, containerPort: 8080, protocol: TCP }
            {{- end }}
            - { name: admin, containerPort: 9100, protocol: TCP }
          envFrom:
            - configMapRef:
                name: {{ include "gov-lib.fullname" $c }}-env
          env:
            {{- include "gov-lib.secretEnv" . | nindent 12 }}
            {{- with $v.extraEnv }}{{ toYaml . | nindent 12 }}{{ end }}
          {{- include "gov-lib.probes" $c | nindent 10 }}
          lifecycle:
            # give endpoints and the mesh time to stop routing here before SIGTERM arrives
            preStop:
              exec:
                command: ["sleep", "{{ $v.preStopSleepSeconds }}"]
          resources:
            {{- toYaml $v.resources | nindent 12 }}
          securityContext:
            {{- include "gov-lib.containerSecurityContext" $c | nindent 12 }}
          volumeMounts:
            - { name: tmp, mountPath: /tmp }
            {{- with $v.extraVolumeMounts }}{{ toYaml . | nindent 12 }}{{ end }}
      volumes:
        - name: tmp
          emptyDir: { sizeLimit: 64Mi }
        {{- with $v.extraVolumes }}{{ toYaml . | nindent 8 }}{{ end }}
{{- end }}

{{/* nodeSelector, tolerations, affinity (explicit, else the anti-affinity preset), spread. */}}
{{- define "gov-lib.scheduling" -}}
{{- $v := .Values -}}
{{- with $v.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $v.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- if $v.affinity }}
affinity:
  {{- toYaml $v.affinity | nindent 2 }}
{{- else if eq $v.podAntiAffinity "hard" }}
affinity:
  podAntiAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
      - topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- include "gov-lib.selectorLabels" . | nindent 12 }}
{{- else if eq $v.podAntiAffinity "soft" }}
affinity:
  podAntiAffinity:
    preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 100
        podAffinityTerm:
          topologyKey: kubernetes.io/hostname
          labelSelector:
            matchLabels:
              {{- include "gov-lib.selectorLabels" . | nindent 14 }}
{{- end }}
{{- with $v.topologySpreadConstraints }}
topologySpreadConstraints:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}
